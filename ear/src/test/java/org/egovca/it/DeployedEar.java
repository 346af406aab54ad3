package org.egovca.it;

import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the EAR on a real Payara Server once per test run, exactly as an operator would ({@code
 * ear/bin/egovca start}), on the database named by {@code egovca.it.db} (h2 or postgresql), and
 * stops it when the run ends. Tests receive the running {@link CaServer}.
 */
public final class DeployedEar implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "egovca-deployed-ear";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CaServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static CaServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> start(), Running.class)
        .server;
  }

  /** Holds the server for the whole run; JUnit closes it when the run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final EarLauncher launcher;
    final CaServer server;

    Running(EarLauncher launcher) {
      this.launcher = launcher;
      this.server = launcher.start();
    }

    @Override
    public void close() throws Exception {
      launcher.stop();
    }
  }

  private static Running start() {
    Security.addProvider(new BouncyCastleProvider());
    String db = System.getProperty("egovca.it.db", "h2");
    return new Running(
        new EarLauncher(
            db,
            Path.of(System.getProperty("egovca.it.home", "target/it-" + db)),
            Integer.getInteger("egovca.it.portBase", 20000),
            Integer.getInteger("egovca.it.ldapPort", 20389),
            // a run beside another one on the same PostgreSQL names a database of its own
            System.getProperty("egovca.it.database", "egovca_it"),
            Map.of(
                // revocations reach the CRL within a second, so tests need not wait 5 minutes
                "EGOVCA_CRL_PUBLISH_DELAY", "1",
                // a one-year certificate is renewable at once, so tests need not wait for the
                // last 3 months
                "EGOVCA_RENEWAL_WINDOW_DAYS", "400")));
  }
}

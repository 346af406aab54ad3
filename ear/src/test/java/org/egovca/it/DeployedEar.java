package org.egovca.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.egovca.ldap.slapd.SlapdPair;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the EAR on a real Payara Server once per test run, exactly as an operator would ({@code
 * ear/bin/egovca start}), on the embedded PostgreSQL server the script runs, and stops both when
 * the run ends. The CA publishes to a real OpenLDAP master whose slave replicates it ({@link
 * SlapdPair}), and the reference receiver of the sync interface is deployed beside it ({@link
 * ReferenceReceiver}). Tests receive these, the running {@link CaServer}, its {@link EarLauncher}
 * (to restart it) and the {@link GreenMail} SMTP server on loopback (port base + 25) that the CA's
 * mail session sends applicant notices to.
 */
public final class DeployedEar implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "egovca-deployed-ear";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CaServer.class
        || type == GreenMail.class
        || type == SlapdPair.class
        || type == EarLauncher.class
        || type == ReferenceReceiver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Running running = running(context);
    if (type == GreenMail.class) {
      return running.mail;
    }
    if (type == SlapdPair.class) {
      return running.directory;
    }
    if (type == EarLauncher.class) {
      return running.launcher;
    }
    if (type == ReferenceReceiver.class) {
      return running.receiver;
    }
    return running.server;
  }

  /** The CA of this run, started on first use. */
  public static CaServer server(ExtensionContext context) {
    return running(context).server;
  }

  /** The SMTP server on loopback that receives the CA's notices to applicants in this run. */
  public static GreenMail mail(ExtensionContext context) {
    return running(context).mail;
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> start(), Running.class);
  }

  /** Holds the server for the whole run; JUnit closes it when the run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final GreenMail mail;
    final SlapdPair directory;
    final EarLauncher launcher;
    final CaServer server;
    final ReferenceReceiver receiver;

    Running(GreenMail mail, SlapdPair directory, EarLauncher launcher) {
      this.mail = mail;
      this.directory = directory;
      this.launcher = launcher;
      // the mail server listens before the CA starts, so no notice waits for the retry
      mail.start();
      try {
        this.server = launcher.start();
        this.receiver = ReferenceReceiver.deploy(launcher, server);
      } catch (RuntimeException e) {
        mail.stop();
        directory.close();
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      try {
        launcher.stop();
      } finally {
        mail.stop();
        directory.close();
      }
    }
  }

  private static Running start() {
    Security.addProvider(new BouncyCastleProvider());
    int portBase = Integer.getInteger("egovca.it.portBase", 20000);
    int smtpPort = portBase + 25;
    // The CA publishes to a real OpenLDAP master; relying parties read its syncrepl slave.
    SlapdPair directory = SlapdPair.start("o=iFutureCA,c=CN");
    return new Running(
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)),
        directory,
        new EarLauncher(
            Path.of(System.getProperty("egovca.it.home", "target/it")),
            portBase,
            directory.masterUrl().getPort(),
            Map.of(
                // revocations reach the CRL within a second, so tests need not wait 5 minutes
                "EGOVCA_CRL_PUBLISH_DELAY",
                "1",
                // a one-year certificate is renewable at once, so tests need not wait for the
                // last 3 months
                "EGOVCA_RENEWAL_WINDOW_DAYS",
                "400",
                // notices to applicants go to the GreenMail server of this run
                "EGOVCA_SMTP_HOST",
                "127.0.0.1",
                "EGOVCA_SMTP_PORT",
                Integer.toString(smtpPort),
                "EGOVCA_LDAP_URL",
                directory.masterUrl().toString(),
                "EGOVCA_LDAP_BIND_DN",
                directory.bindDn(),
                "EGOVCA_LDAP_BIND_PASSWORD",
                directory.bindPassword(),
                // three workers race for every delivery queue, as workers of three servers would
                "EGOVCA_DELIVERY_WORKERS",
                "3")));
  }
}

package org.egovca.ldap.embedded;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ldap.BindPassword;
import org.egovca.ldap.DirectoryConfiguration;

/**
 * Runs the {@link EmbeddedDirectoryServer} for as long as the application is deployed, when {@code
 * egovca.ldap.embedded} is true (the default, for development); production sets it to false and
 * points {@code egovca.ldap.url} at its own directory.
 *
 * <p>A directory that fails to start is logged, not allowed to fail the deployment: the CA still
 * issues, and publication reports failures until the directory is back. The content is saved every
 * 30 seconds when it changed, and on undeployment.
 */
@Singleton
@Startup
public class EmbeddedDirectoryLifecycle {

  private static final Logger LOG = Logger.getLogger(EmbeddedDirectoryLifecycle.class.getName());

  private EmbeddedDirectoryServer server;

  @PostConstruct
  void start() {
    try {
      DirectoryConfiguration configuration = DirectoryConfiguration.fromSystemProperties();
      if (!configuration.embedded()) {
        LOG.log(
            Level.INFO,
            "Embedded LDAP directory disabled ({0}=false); publishing to {1}",
            new Object[] {DirectoryConfiguration.EMBEDDED, configuration.url()});
        return;
      }
      EmbeddedDirectoryServer starting =
          new EmbeddedDirectoryServer(
              new EmbeddedDirectoryServer.Settings(
                  configuration.listenAddress(),
                  configuration.listenPort(),
                  configuration.baseDn(),
                  configuration.embeddedDataDir(),
                  configuration.bindDn(),
                  BindPassword.resolve(configuration)));
      starting.start();
      server = starting;
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "The embedded LDAP directory did not start; certificate publication will fail",
          e);
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void snapshot() {
    if (server == null) {
      return;
    }
    try {
      server.snapshotIfChanged();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not save the embedded LDAP directory; will retry", e);
    }
  }

  @PreDestroy
  void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "The embedded LDAP directory stopped without saving its content", e);
    }
    server = null;
  }
}

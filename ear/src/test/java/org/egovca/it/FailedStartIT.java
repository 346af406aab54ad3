package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A start that fails stops what it started, and a CA pointed at a database as a superuser refuses
 * to start, saying why. A second instance on ports of its own is pointed at the run's embedded
 * PostgreSQL server as its bootstrap superuser.
 */
@ExtendWith(DeployedEar.class)
class FailedStartIT {

  private static final int PORT_OFFSET = 500;

  @Test
  void aSuperuserRoleIsRefusedAndTheFailedStartLeavesNoServerBehind(CaServer server)
      throws Exception {
    try (Connection superuser = server.databaseAsSuperuser();
        Statement statement = superuser.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS superuser_probe WITH (FORCE)");
      statement.execute("CREATE DATABASE superuser_probe");
    }
    int portBase = Integer.getInteger("egovca.it.portBase", 20000) + PORT_OFFSET;
    Path home = server.home().resolveSibling(server.home().getFileName() + "-superuser");
    String url = server.jdbcUrl().replaceFirst("/egovca$", "/superuser_probe");
    String superuserPassword =
        Files.readString(server.home().resolve("secrets/database-superuser.password")).strip();
    EarLauncher launcher =
        new EarLauncher(
            home,
            portBase,
            server.ldapPort(),
            Map.of(
                "EGOVCA_DB_URL",
                url,
                "EGOVCA_DB_USER",
                "postgres",
                "EGOVCA_DB_PASSWORD",
                superuserPassword,
                "EGOVCA_KMC_DB_URL",
                url,
                "EGOVCA_KMC_DB_USER",
                "postgres",
                "EGOVCA_KMC_DB_PASSWORD",
                superuserPassword));

    try {
      Commands.Result start = launcher.startOnce();

      assertNotEquals(0, start.exitCode(), start.output());
      assertTrue(
          start
              .output()
              .contains(
                  "deployment failed: Refusing to start: the database role 'postgres' is a"
                      + " superuser"),
          start.output());
      assertTrue(start.output().contains("stopping what this start launched"), start.output());
      Path pidFile = home.resolve("domains/egovca/config/pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "Payara runs");
      }
      for (int port : new int[] {portBase + 48, portBase + 80, portBase + 81}) {
        assertFalse(listening(port), "port " + port + " still open");
      }
    } finally {
      launcher.stop();
    }
    try (Connection superuser = server.databaseAsSuperuser();
        Statement statement = superuser.createStatement()) {
      statement.execute("DROP DATABASE superuser_probe WITH (FORCE)");
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}

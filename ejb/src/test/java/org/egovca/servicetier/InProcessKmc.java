package org.egovca.servicetier;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.egovca.ca.kmc.KmcTransport;
import org.egovca.ca.kmc.KmcUnavailableException;
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.server.KmcService;
import org.egovca.kmc.server.KmcSettings;

/**
 * The service tier's KMC: the KMC's own core ({@link KmcService}, from the kmc WAR's classes), run
 * in-process on a database of its own and a token of its own in {@code <data dir>/kmc}, behind the
 * CA's {@link KmcTransport}. The CA's client signs and checks the same DER messages it sends over
 * HTTPS in the server; only the HTTP hop (and the WAR's body limit) is left out. A refused message
 * fails as the HTTPS transport fails on a 4xx answer.
 */
@ApplicationScoped
public class InProcessKmc implements KmcTransport {

  private static TestDatabase database;
  private KmcService service;

  @Override
  public synchronized byte[] exchange(byte[] caRequest) throws KmcUnavailableException {
    try {
      return service().handle(caRequest);
    } catch (KmcProtocolException e) {
      throw new KmcUnavailableException(
          "the KMC refused the request (" + e.getRefusal() + "): " + e.getMessage(), e);
    } catch (Exception e) {
      throw new KmcUnavailableException("the KMC failed: " + e, e);
    }
  }

  private KmcService service() {
    if (service == null) {
      ServiceContainer container = ServiceContainer.running();
      database =
          TestDatabase.create(
              System.getProperty(
                  "egovca.serviceTier.adminUrl", "jdbc:postgresql://127.0.0.1:5432/postgres"));
      service =
          KmcService.open(
              new KmcSettings(
                  container.dataDirectory().resolve("kmc"),
                  container.dataDirectory().resolve("kmc-client").resolve("ca-protocol.pem"),
                  java.time.Duration.ofMinutes(5),
                  16),
              database.dataSource(),
              container.clock());
    }
    return service;
  }

  static synchronized void closeDatabase() throws SQLException {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}

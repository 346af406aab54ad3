package org.egovca.kmc.server;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens the KMC as the application deploys: settings, database migration, token and keys. A KMC
 * that cannot open fails its deployment, naming why, rather than answer the CA half-ready.
 */
@WebListener
public class KmcStartup implements ServletContextListener {

  static final String SERVICE = KmcService.class.getName();

  private static final Logger LOG = Logger.getLogger(KmcStartup.class.getName());

  @Resource(lookup = "jdbc/egovca-kmc")
  private DataSource dataSource;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    KmcSettings settings = KmcSettings.fromSystemProperties();
    KmcService service = KmcService.open(settings, dataSource, Clock.systemUTC());
    event.getServletContext().setAttribute(SERVICE, service);
    LOG.info(
        () ->
            "Key management centre ready in "
                + settings.home()
                + "; its protocol certificate: "
                + settings.home().resolve(KmcKeys.CERTIFICATE_FILE));
  }
}

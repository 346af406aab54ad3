package org.egovca.kmc.server;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens the KMC as the application deploys: settings, database migration, token and keys. A KMC
 * that cannot open fails its deployment, naming why, rather than answer the CA half-ready.
 *
 * <p>It also starts the retention sweep of escrowed keys ({@link EscrowRetention}) at once and then
 * daily, on the server's managed scheduler, so the container owns the thread; undeploying cancels
 * it, and a sweep under way stops between two batches.
 */
@WebListener
public class KmcStartup implements ServletContextListener {

  static final String SERVICE = KmcService.class.getName();

  private static final Logger LOG = Logger.getLogger(KmcStartup.class.getName());

  @Resource(lookup = "jdbc/egovca-kmc")
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> retentionSweeps;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    KmcSettings settings = KmcSettings.fromSystemProperties();
    Clock clock = Clock.systemUTC();
    KmcService service = KmcService.open(settings, dataSource, clock);
    event.getServletContext().setAttribute(SERVICE, service);
    KmcStore store = new KmcStore(dataSource);
    EscrowRetention retention =
        new EscrowRetention(store, clock, store::databaseNow, EscrowRetention.DEFAULT_BATCH_SIZE);
    // the first sweep right away, in the background: a backlog must not hold up the deployment
    retentionSweeps =
        scheduler.scheduleWithFixedDelay(retention::runScheduled, 0, 1, TimeUnit.DAYS);
    LOG.info(
        () ->
            "Key management centre ready in "
                + settings.home()
                + "; its protocol certificate: "
                + settings.home().resolve(KmcKeys.CERTIFICATE_FILE));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (retentionSweeps != null) {
      retentionSweeps.cancel(true);
    }
  }
}

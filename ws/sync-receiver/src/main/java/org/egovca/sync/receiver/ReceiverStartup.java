package org.egovca.sync.receiver;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the web application's context parameters to the {@link SharedReceiver} when it starts, and
 * opens the receiver at once, so that a missing identity or an unwritable store shows in the server
 * log at deployment rather than at the first message.
 */
@WebListener
public class ReceiverStartup implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ReceiverStartup.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    SharedReceiver.configure(context::getInitParameter);
    try {
      SyncReceiver receiver = SharedReceiver.get();
      LOG.log(
          Level.INFO,
          "sync receiver at {0} serves e-gov system {1}",
          new Object[] {context.getContextPath(), receiver.identity()});
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "the sync receiver at {0} cannot start; it answers every message with a server error until this is fixed: {1}",
          new Object[] {context.getContextPath(), e.getMessage()});
    }
  }
}

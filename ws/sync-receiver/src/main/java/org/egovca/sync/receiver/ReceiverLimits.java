package org.egovca.sync.receiver;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.egovca.guard.BodyBudget;
import org.egovca.guard.RequestLimitFilter;

/**
 * Puts the request limit in front of the receiver's endpoints: a SOAP body larger than {@value
 * #MAX_BYTES_PROPERTY} (default 64 MiB) is refused with 413 before the XML parser reads it, and a
 * DTD, an entity declaration or more than {@value #MAX_ELEMENTS} elements with a SOAP fault. CRLs
 * make the largest messages: a CRL of a million revoked certificates is about 40 MB, some 53 MB in
 * base64; raise the limit for a CA that revokes more.
 */
@WebListener
public class ReceiverLimits implements ServletContextListener {

  /** System property: the largest request body the receiver reads, in bytes. */
  public static final String MAX_BYTES_PROPERTY = "egovca.receiver.maxRequestBytes";

  static final long DEFAULT_MAX_BYTES = 64L << 20;

  /** A sync message has some twenty elements; a SOAP envelope a few more. */
  static final int MAX_ELEMENTS = 1_000;

  private static final Logger LOG = Logger.getLogger(ReceiverLimits.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    long maxBytes = maxBytes();
    FilterRegistration.Dynamic limit =
        event
            .getServletContext()
            .addFilter(
                "ReceiverRequestLimit",
                new RequestLimitFilter(
                    RequestLimitFilter.Kind.SOAP, maxBytes, MAX_ELEMENTS, BodyBudget.shared()));
    limit.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    LOG.info("request bodies are limited to " + maxBytes + " bytes (" + MAX_BYTES_PROPERTY + ")");
  }

  static long maxBytes() {
    String configured = System.getProperty(MAX_BYTES_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    long value = Long.parseLong(configured.strip());
    if (value <= 0) {
      throw new IllegalArgumentException(MAX_BYTES_PROPERTY + " must be positive: " + value);
    }
    return value;
  }
}

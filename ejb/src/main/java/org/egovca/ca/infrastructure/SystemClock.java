package org.egovca.ca.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock every service reads the time from ({@code @Inject Clock}): the system's, in UTC. A
 * test of a service's time limits hands the service a fixed or offset clock instead.
 */
@ApplicationScoped
public class SystemClock {

  /** Dependent, so the injected clock is the JDK's own object, not a proxy of it. */
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}

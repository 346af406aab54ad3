package org.egovca.servicetier;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.InjectLiteral;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Makes session beans what they are in Payara: one shared, lazily created instance behind a proxy
 * (stateless beans hold no state between calls, so sharing one is what a pool of them amounts to),
 * whose calls go through {@link ContainerManagedInterceptor}; and {@code @EJB} references what they
 * are there, the session bean's proxy: Weld injects them only with its EJB module, which the tier
 * does not have, so they become {@code @Inject} points (without this they stayed null).
 */
public class EjbSemantics implements Extension {

  <T> void sessionBeans(
      @Observes @WithAnnotations({Stateless.class, Singleton.class}) ProcessAnnotatedType<T> type) {
    var configurator = type.configureAnnotatedType();
    configurator.add(ApplicationScoped.Literal.INSTANCE).add(ContainerManaged.Literal.INSTANCE);
  }

  <T> void ejbReferences(@Observes @WithAnnotations(EJB.class) ProcessAnnotatedType<T> type) {
    type.configureAnnotatedType()
        .filterFields(field -> field.isAnnotationPresent(EJB.class))
        .forEach(field -> field.add(InjectLiteral.INSTANCE));
  }
}

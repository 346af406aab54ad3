package org.egovca.servicetier;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a session bean whose calls the service tier manages as Payara's EJB container does; the
 * {@link EjbSemantics} extension puts it on every {@code @Stateless} and {@code @Singleton}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface ContainerManaged {

  final class Literal extends AnnotationLiteral<ContainerManaged> implements ContainerManaged {
    static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}

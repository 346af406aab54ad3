package org.egovca.servicetier;

import jakarta.annotation.Priority;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.reflect.Method;

/**
 * What Payara's EJB container does around a call into a session bean: the transaction its
 * {@code @TransactionAttribute} asks for (REQUIRED when it names none, none at all for bean-managed
 * transactions), application exceptions passed through as they are and system exceptions wrapped in
 * {@link EJBException} after the rollback, {@code @Asynchronous} calls queued.
 */
@ContainerManaged
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ContainerManagedInterceptor implements Serializable {

  private static final long serialVersionUID = 1L;

  @AroundInvoke
  Object call(InvocationContext invocation) throws Exception {
    Method method = invocation.getMethod();
    Class<?> bean = sessionBeanClass(invocation.getTarget().getClass());
    ServiceContainer container = ServiceContainer.running();
    if (method.isAnnotationPresent(Asynchronous.class)
        || method.getDeclaringClass().isAnnotationPresent(Asynchronous.class)) {
      if (method.getReturnType() != void.class) {
        throw new UnsupportedOperationException(
            "the service tier queues only void @Asynchronous methods: " + method);
      }
      container.tasks().submit(method.toGenericString(), () -> invoke(container, bean, invocation));
      return null;
    }
    return invoke(container, bean, invocation);
  }

  private static Object invoke(ServiceContainer container, Class<?> bean, InvocationContext call)
      throws Exception {
    try {
      TransactionManagement management = bean.getAnnotation(TransactionManagement.class);
      if (management != null && management.value() == TransactionManagementType.BEAN) {
        return call.proceed();
      }
      return container.transactions().run(attribute(call.getMethod()), call::proceed);
    } catch (EJBException e) {
      throw e;
    } catch (Exception e) {
      if (Transactions.isApplicationException(e)) {
        throw e;
      }
      throw new EJBException(e);
    } catch (Error e) {
      throw new EJBException(new RuntimeException(e));
    }
  }

  /** The method's attribute, else its declaring class's, else REQUIRED (EJB 3.2 §8.3.7). */
  private static TransactionAttributeType attribute(Method method) {
    TransactionAttribute onMethod = method.getAnnotation(TransactionAttribute.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    TransactionAttribute onClass =
        method.getDeclaringClass().getAnnotation(TransactionAttribute.class);
    return onClass != null ? onClass.value() : TransactionAttributeType.REQUIRED;
  }

  /** The bean class behind Weld's subclass of it. */
  private static Class<?> sessionBeanClass(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Stateless.class) || c.isAnnotationPresent(Singleton.class)) {
        return c;
      }
    }
    return type;
  }
}

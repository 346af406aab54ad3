package org.egovca.authorization;

import jakarta.enterprise.event.Observes;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.custody.application.ConsoleCeremonies;
import org.egovca.delivery.application.DeliveryMonitor;
import org.egovca.delivery.application.EgovSystemAdministration;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.ApplicationReview;
import org.egovca.ra.application.Approvals;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.application.HolderKeyRecoveries;
import org.egovca.ra.application.JudicialKeyRecoveries;
import org.egovca.ra.application.KeyHandover;
import org.egovca.ra.application.KeyRecoveries;
import org.egovca.ra.application.OperatorAdministration;
import org.egovca.ra.application.OperatorSessions;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.OperatorSession;
import org.egovca.ra.domain.Permission;

/**
 * What the console's EJBs decide, cell by cell: each public business method is run on a bean whose
 * {@link ConsoleAccess} records the first check the method makes and stops it there (every other
 * collaborator is absent, so a method that does anything before its check fails); the permission it
 * demands is then granted or refused by the real role rules ({@link Operator#has}) to an operator
 * of each role.
 */
final class ConsoleAuthorization {

  /**
   * The EJBs the console calls (web/ injects these; the key recoveries have no page yet, and their
   * EJBs are checked all the same).
   */
  static final List<Class<?>> CONSOLE_BEANS =
      List.of(
          OperatorAdministration.class,
          Approvals.class,
          EgovSystemAdministration.class,
          ApplicationDesk.class,
          ApplicationReview.class,
          KeyHandover.class,
          HolderKeyRecoveries.class,
          JudicialKeyRecoveries.class,
          KeyRecoveries.class,
          RaQueries.class,
          DeliveryMonitor.class,
          ConsoleCeremonies.class,
          OperatorSessions.class);

  private static final Instant T = Instant.parse("2026-12-07T00:00:00Z");

  /**
   * Where the two factors are checked (CPS §6.5.2.5): open to anyone who presents them, so there is
   * nothing before it to record.
   */
  private static final String LOGIN = "OperatorSessions.login";

  private ConsoleAuthorization() {}

  /** Thrown by the recording access check to stop the method there. */
  private static final class Checked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Checked() {
      super(null, null, false, false);
    }
  }

  /** Records what a method asks the access check for. */
  private static final class RecordingAccess extends ConsoleAccess {
    Permission permission;
    boolean session;
    String failure;

    @Override
    public Operator require(String token, Permission wanted, AuditAction action, String target) {
      permission = wanted;
      throw new Checked();
    }

    @Override
    public OperatorSession openSession(String token, AuditAction action) {
      session = true;
      throw new Checked();
    }
  }

  /** {@code Bean.method} of every public business method of the console's EJBs. */
  static List<String> operations() {
    List<String> operations = new ArrayList<>();
    for (Class<?> bean : CONSOLE_BEANS) {
      for (Method method : businessMethods(bean)) {
        operations.add(bean.getSimpleName() + "." + method.getName());
      }
    }
    return operations;
  }

  /** The cell the code gives {@code operation} for an operator of {@code role}. */
  static String cell(String operation, String role) {
    return cell(operation, role, Operator::has);
  }

  /**
   * The cell for {@code role} when {@code rules} decide whether an operator holds a permission: the
   * real {@link Operator#has}, or a loosened rule in the sensitivity test.
   */
  static String cell(String operation, String role, PermissionRule rules) {
    if (operation.equals(LOGIN)) {
      return "public";
    }
    RecordingAccess access = probe(operation);
    if (access.failure != null) {
      return "no check before " + access.failure;
    }
    if (access.permission != null) {
      Operator operator = operatorWith(OperatorRole.valueOf(role));
      if (!rules.grants(operator, access.permission)) {
        return "deny";
      }
      return Permission.scopedToUnit(operator.getRoles()) ? "unit" : "allow";
    }
    return access.session ? "session" : "no check at all";
  }

  /** Whether an operator holds a permission. */
  @FunctionalInterface
  interface PermissionRule {
    boolean grants(Operator operator, Permission permission);
  }

  private static RecordingAccess probe(String operation) {
    String[] parts = operation.split("\\.");
    Class<?> bean =
        CONSOLE_BEANS.stream()
            .filter(c -> c.getSimpleName().equals(parts[0]))
            .findFirst()
            .orElseThrow();
    Method method =
        businessMethods(bean).stream()
            .filter(m -> m.getName().equals(parts[1]))
            .findFirst()
            .orElseThrow();
    RecordingAccess access = new RecordingAccess();
    try {
      Object instance = bean.getDeclaredConstructor().newInstance();
      for (Field field : bean.getDeclaredFields()) {
        if (field.getType() == ConsoleAccess.class) {
          field.setAccessible(true);
          field.set(instance, access);
        }
      }
      method.invoke(instance, defaultArguments(method));
      // a method that returned without any check
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof Checked) && (access.permission != null || access.session)) {
        throw new IllegalStateException(operation + " failed after its check", e.getCause());
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run " + operation, e);
    }
    return access;
  }

  private static Object[] defaultArguments(Method method) {
    return Arrays.stream(method.getParameterTypes())
        .map(
            type -> {
              if (type == boolean.class) {
                return false;
              }
              if (type == int.class) {
                return 0;
              }
              if (type == long.class) {
                return 0L;
              }
              return null;
            })
        .toArray();
  }

  private static List<Method> businessMethods(Class<?> bean) {
    return Arrays.stream(bean.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.isSynthetic())
        .filter(m -> Arrays.stream(m.getParameters()).noneMatch(ConsoleAuthorization::observed))
        .sorted(java.util.Comparator.comparing(Method::getName))
        .toList();
  }

  /** Observer methods are called by the container on events, never by the console. */
  private static boolean observed(Parameter parameter) {
    return parameter.isAnnotationPresent(Observes.class);
  }

  private static Operator operatorWith(OperatorRole role) {
    return new Operator(
        "probe",
        "Probe",
        null,
        EnumSet.of(role),
        role == OperatorRole.UNIT_ADMIN ? new ApplicationUnit("NORTH", "North", T) : null,
        "$argon2id$probe",
        "test",
        T);
  }
}

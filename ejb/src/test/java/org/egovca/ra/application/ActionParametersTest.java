package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.delivery.application.EgovSystemRegistration;
import org.egovca.delivery.application.SubscriptionForm;
import org.egovca.ra.domain.OperatorRole;
import org.junit.jupiter.api.Test;

/**
 * The parameters of every supervised action come back from their JSON exactly as they were asked
 * for: what the approver approves is what is carried out.
 */
class ActionParametersTest {

  private static final String PEM =
      "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";

  /**
   * {@code parameters} come back from their JSON with every property: the forms are beans without
   * equality of their own, so what comes back is compared by the JSON it writes.
   */
  private static <T> void roundTrip(T parameters, Class<T> type) {
    String json = ActionParameters.write(parameters);
    assertEquals(json, ActionParameters.write(ActionParameters.read(json, type)));
  }

  /** A request written by the form as a record reads as the bean: the stored JSON is the same. */
  @Test
  void aNewOperatorWaitingSinceTheFormWasARecordIsReadWithEveryProperty() {
    String stored =
        "{\"applicationUnit\":\"NORTH\",\"certificateRequestPem\":\"PEM\",\"displayName\":"
            + "\"李四\",\"email\":\"lisi@example.cn\",\"role\":\"UNIT_ADMIN\",\"username\":\"lisi\"}";
    NewOperator read = ActionParameters.read(stored, NewOperator.class);
    assertEquals(OperatorRole.UNIT_ADMIN, read.getRole());
    assertEquals("NORTH", read.getApplicationUnit());
    assertEquals(stored, ActionParameters.write(read));
  }

  @Test
  void operatorActions() {
    roundTrip(
        new NewOperator("lisi", "李四", "lisi@example.cn", OperatorRole.UNIT_ADMIN, "NORTH", PEM),
        NewOperator.class);
    roundTrip(
        new OperatorAccounts.RoleChange("lisi", OperatorRole.REVIEWER, null),
        OperatorAccounts.RoleChange.class);
    roundTrip(
        new OperatorAccounts.CertificateRequest("lisi", PEM),
        OperatorAccounts.CertificateRequest.class);
    roundTrip(new OperatorAccounts.PasswordReset("lisi"), OperatorAccounts.PasswordReset.class);
  }

  @Test
  void systemsAndKeys() {
    roundTrip(
        new EgovSystemRegistration(
            "tax-portal",
            "TAX",
            new SubscriptionForm(
                "https://tax.example.gov.cn/sync",
                "BATCH",
                30,
                List.of("ISSUE", "REVOKE"),
                false,
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
            PEM),
        EgovSystemRegistration.class);
    roundTrip(
        new RemoteRaRegistry.Registration("lra-haidian", List.of("NORTH", "TAX"), PEM),
        RemoteRaRegistry.Registration.class);
    roundTrip(new RemoteRaRegistry.Units("lra-haidian", List.of()), RemoteRaRegistry.Units.class);
    roundTrip(
        new SupervisedActions.CaKeyRolloverRequest("iFutureCA"),
        SupervisedActions.CaKeyRolloverRequest.class);
  }

  @Test
  void parametersThatCannotBeReadAreAnErrorNotANewAction() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ActionParameters.read("{not json", OperatorAccounts.PasswordReset.class));
    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
  }
}

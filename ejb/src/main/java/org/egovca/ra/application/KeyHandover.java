package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.GeneratedKeys;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationAction;
import org.egovca.ra.domain.KeyRecipient;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The handover of a signing key pair the CA generated on the applicant's written request (CPS
 * §6.1.4.10.1), at the counter: the applicant (or their agent) is there in person (§7.1.3.4 item
 * A), shows their identity document, and types the password of the PKCS#12 that carries the key;
 * the entry clerk, whose work it is to make the holder's certificate (§7.5.1.2 item 4 (3)), hands
 * it over. Once: the key is destroyed in the token as the PKCS#12 is made, and every later attempt
 * is refused and audited. The reviewer who approved the generation does not hand the key over, so
 * two people stand between the written request and the key.
 */
@Stateless
public class KeyHandover {

  /** The shortest password the PKCS#12 takes: the length of an operator's (CPS §6.5.2.4). */
  static final int MIN_PASSWORD_LENGTH = 8;

  private static final int MAX_PASSWORD_LENGTH = 128;

  @Inject private ConsoleAccess access;
  @Inject private Applications applications;
  @Inject private GeneratedKeys generatedKeys;
  @Inject private AuditLog auditLog;

  @Inject private java.time.Clock clock;

  /**
   * Hands over the generated key of application {@code applicationId} to {@code recipient}: the
   * PKCS#12 of the key and its certificate chain under {@code password}, which this method clears.
   */
  public HandedOverKey handOver(
      String token, long applicationId, KeyRecipient recipient, char[] password) {
    try {
      Operator clerk =
          access.require(
              token,
              Permission.HAND_OVER_GENERATED_KEY,
              AuditAction.GENERATED_KEY_HANDED_OVER,
              Application.reference(applicationId));
      Application application = applications.find(applicationId);
      String actor = ConsoleAccess.actor(clerk);
      GeneratedKey key = generatedKey(application);
      notTheReviewer(clerk, application, actor);
      String[] receivedBy = new String[1];
      FormText.all(
          List.of(
              () -> receivedBy[0] = receivedBy(application.getApplicant(), recipient),
              () -> requireStrong(password)));
      byte[] pkcs12 =
          audited(
              actor,
              application,
              () ->
                  generatedKeys.handOver(
                      key,
                      password,
                      application.getApplicant().getName(),
                      clerk.getUsername(),
                      receivedBy[0]));
      Instant now = clock.instant();
      application.record(
          now, clerk.getUsername(), ApplicationAction.GENERATED_KEY_HANDED_OVER, receivedBy[0]);
      auditLog.success(
          actor,
          AuditAction.GENERATED_KEY_HANDED_OVER,
          application.reference(),
          "serial="
              + key.getCertificate().getSerialNumberHex()
              + " handed over to "
              + receivedBy[0]
              + "; key "
              + key.getKeyAlias()
              + " destroyed in the token, the CA keeps no copy");
      return new HandedOverKey(application.reference() + "-signing-key.p12", pkcs12);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** The key the approval generated for the application, or a refusal saying why there is none. */
  private static GeneratedKey generatedKey(Application application) {
    GeneratedKey key = application.getKeyGeneration().getGeneratedKey();
    if (key == null) {
      throw new Refusal(
          RefusalCode.NOT_FOUND,
          "generatedKey.none",
          application.getKeyGeneration().isRequested()
              ? "application " + application.reference() + " is not approved: no key exists yet"
              : "the holder of application "
                  + application.reference()
                  + " brought their own key; the CA generated none");
    }
    return key;
  }

  /** Refuses the reviewer who approved the generation (CPS §7.5.1.2: separation of duties). */
  private void notTheReviewer(Operator clerk, Application application, String actor) {
    if (clerk.getUsername().equals(application.getDecidedBy())) {
      String detail =
          clerk.getUsername()
              + " approved application "
              + application.reference()
              + " and cannot hand its generated key over: the reviewer and the one who hands the"
              + " key to its holder must be different people (CPS 7.5.1.2)";
      auditLog.refusal(
          actor,
          AuditAction.GENERATED_KEY_HANDED_OVER,
          application.reference(),
          AuditOutcome.DENIED,
          detail);
      throw new Refusal(RefusalCode.SEPARATION_OF_DUTIES, "separation.ownApplication", detail);
    }
  }

  /**
   * Runs the handover; a refusal (handed over already, destroyed, lost) is audited as a failed
   * attempt, since an attempt on a key matters even when nothing came of it.
   */
  private <T> T audited(String actor, Application application, Supplier<T> work) {
    try {
      return work.get();
    } catch (Refusal refused) {
      auditLog.refusal(
          actor,
          AuditAction.GENERATED_KEY_HANDED_OVER,
          application.reference(),
          AuditOutcome.FAILURE,
          refused.getMessage());
      throw refused;
    }
  }

  /** Who received the key, as the clerk checked them: name and identity document. */
  static String receivedBy(Applicant applicant, KeyRecipient recipient) {
    if (recipient == null) {
      throw Refusal.invalid(
          "recipient", "field.required", "choose who receives the key: the applicant or the agent");
    }
    if (recipient == KeyRecipient.AGENT) {
      if (!applicant.hasAgent()) {
        throw Refusal.invalid(
            "recipient", "generatedKey.noAgent", "the application names no agent");
      }
      return "agent "
          + applicant.getAgentName()
          + document(applicant.getAgentIdDocumentType(), applicant.getAgentIdDocumentNumber());
    }
    return "applicant "
        + applicant.getName()
        + document(applicant.getIdDocumentType(), applicant.getIdDocumentNumber());
  }

  private static String document(String type, String number) {
    return type == null ? "" : " (" + type + " " + number + ")";
  }

  /**
   * The PKCS#12 password: at least {@value #MIN_PASSWORD_LENGTH} characters with a letter and a
   * digit, printable ASCII only, since the holder types it again on devices whose PKCS#12 readers
   * disagree about other characters.
   */
  static void requireStrong(char[] password) {
    boolean ascii = password != null;
    boolean letter = false;
    boolean digit = false;
    for (char c : password == null ? new char[0] : password) {
      ascii &= c >= 0x20 && c <= 0x7e;
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    int length = password == null ? 0 : password.length;
    if (!ascii
        || !letter
        || !digit
        || length < MIN_PASSWORD_LENGTH
        || length > MAX_PASSWORD_LENGTH) {
      throw Refusal.invalid(
          "password",
          "generatedKey.password",
          "the PKCS#12 password needs "
              + MIN_PASSWORD_LENGTH
              + " to "
              + MAX_PASSWORD_LENGTH
              + " printable ASCII characters with a letter and a digit");
    }
  }
}

package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.KeyRecoveryKind;
import org.egovca.ra.domain.Operator;

/**
 * Accountability and judicial key recovery (问责取证密钥恢复, CPS §7.1.3.8 item 2): a key custodian records
 * the authority that asks (a court, an investigating agency), the legal basis (the document it
 * rests on), the encryption certificate, and the designated recipient certificate whose SM2 key
 * alone will open the envelope; two other key custodians approve, and with the second approval the
 * KMC envelopes the escrowed key for that certificate. The requester approves nothing, and nobody
 * approves twice; every step is audited and the auditor lists them all ({@link KeyRecoveries}).
 */
@Stateless
public class JudicialKeyRecoveries {

  private static final KeyRecoveryKind KIND = KeyRecoveryKind.JUDICIAL;

  @Inject private ConsoleAccess access;
  @Inject private KeyRecoveryWorkflow workflow;

  /**
   * Records a judicial recovery.
   *
   * @param encryptionSerial the encryption certificate whose key is recovered (hexadecimal)
   * @param requestingAuthority who asks, e.g. 北京市海淀区人民法院
   * @param legalBasis the reference of the document the request rests on, and the law it cites
   * @param recipientCertificate the designated recipient's SM2 certificate (PEM)
   */
  public KeyRecoveryView request(
      String token,
      String encryptionSerial,
      String requestingAuthority,
      String legalBasis,
      String recipientCertificate,
      String note) {
    Operator custodian =
        access.require(
            token,
            KIND.requestPermission(),
            AuditAction.KEY_RECOVERY_REQUESTED,
            "serial=" + encryptionSerial);
    KeyRecovery request =
        workflow.audited(
            ConsoleAccess.actor(custodian),
            AuditAction.KEY_RECOVERY_REQUESTED,
            "serial=" + encryptionSerial,
            () -> {
              String[] checked = new String[3];
              X509CertificateHolder[] recipient = new X509CertificateHolder[1];
              FormText.all(
                  List.of(
                      () -> KeyRecoveryWorkflow.serial("encryptionCertificate", encryptionSerial),
                      () ->
                          checked[0] =
                              FormText.text("requestingAuthority", requestingAuthority, 256, true),
                      () ->
                          checked[1] =
                              FormText.lines(
                                  "legalBasis", legalBasis, KeyRecoveryWorkflow.MAX_NOTE, true),
                      () ->
                          checked[2] =
                              FormText.lines("note", note, KeyRecoveryWorkflow.MAX_NOTE, false),
                      () -> recipient[0] = workflow.recipientCertificate(recipientCertificate)));
              IssuedCertificate encryption = workflow.encryptionCertificate(encryptionSerial);
              return KeyRecovery.judicial(
                  encryption,
                  KeyRecoveryWorkflow.encoded(recipient[0]),
                  recipient[0].getSubject().toString(),
                  checked[0],
                  checked[1],
                  custodian,
                  workflow.now(),
                  checked[2]);
            });
    return workflow.record(request, custodian);
  }

  /**
   * Approves recovery {@code id} as one of the two custodians it needs besides the requester; the
   * second approval carries it out.
   */
  public KeyRecoveryView approve(String token, long id, String note) {
    Operator custodian =
        access.require(
            token,
            KIND.decidePermission(),
            AuditAction.KEY_RECOVERY_APPROVED,
            KeyRecovery.reference(id));
    return workflow.approve(custodian, id, KIND, note);
  }

  /** Rejects recovery {@code id}, saying why. */
  public KeyRecoveryView reject(String token, long id, String note) {
    Operator custodian =
        access.require(
            token,
            KIND.decidePermission(),
            AuditAction.KEY_RECOVERY_REJECTED,
            KeyRecovery.reference(id));
    return workflow.reject(custodian, id, KIND, note);
  }

  /**
   * The envelope of approved recovery {@code id} (DER SM2EnvelopedKey), to be delivered to the
   * designated recipient, whose private key alone opens it.
   */
  public byte[] envelope(String token, long id) {
    Operator custodian =
        access.require(
            token,
            KIND.decidePermission(),
            AuditAction.RECOVERED_KEY_COLLECTED,
            KeyRecovery.reference(id));
    return workflow.envelope(custodian, id, KIND);
  }
}

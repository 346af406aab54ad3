package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.KeyRecoveryKind;
import org.egovca.ra.domain.Operator;

/**
 * Holder key recovery (证书持有者密钥恢复, CPS §7.1.3.8 item 1): a holder who lost the private key of their
 * encryption certificate asks at the counter; an entry clerk records the request naming the
 * holder's current signing certificate; a reviewer who did not record it checks the holder's
 * identity and approves, and in that transaction the KMC envelopes the escrowed key anew under the
 * signing certificate's public key (GM/T 0009). The clerk downloads the envelope and hands it over
 * (it opens only with the holder's signing private key, in their USB key). Nothing here ever holds
 * a clear private key.
 */
@Stateless
public class HolderKeyRecoveries {

  private static final KeyRecoveryKind KIND = KeyRecoveryKind.HOLDER;

  @Inject private ConsoleAccess access;
  @Inject private KeyRecoveryWorkflow workflow;

  /**
   * Records a holder's request.
   *
   * @param encryptionSerial the encryption certificate whose key is recovered (hexadecimal)
   * @param signingSerial the holder's current signing certificate: its pair, or a later signing
   *     certificate of the same subject
   * @param note how the holder's identity was established, what they said
   */
  public KeyRecoveryView request(
      String token, String encryptionSerial, String signingSerial, String note) {
    Operator clerk =
        access.require(
            token,
            KIND.requestPermission(),
            AuditAction.KEY_RECOVERY_REQUESTED,
            "serial=" + encryptionSerial);
    String actor = ConsoleAccess.actor(clerk);
    KeyRecovery request =
        workflow.audited(
            actor,
            AuditAction.KEY_RECOVERY_REQUESTED,
            "serial=" + encryptionSerial,
            () -> {
              String[] checkedNote = new String[1];
              FormText.all(
                  List.of(
                      () -> KeyRecoveryWorkflow.serial("encryptionCertificate", encryptionSerial),
                      () -> KeyRecoveryWorkflow.serial("signingCertificate", signingSerial),
                      () ->
                          checkedNote[0] =
                              FormText.lines("note", note, KeyRecoveryWorkflow.MAX_NOTE, false)));
              IssuedCertificate encryption = workflow.encryptionCertificate(encryptionSerial);
              IssuedCertificate signing =
                  workflow.currentSigningCertificate(signingSerial, encryption);
              return KeyRecovery.forHolder(
                  encryption, signing, clerk, workflow.now(), checkedNote[0]);
            });
    return workflow.record(request, clerk);
  }

  /** Approves recovery {@code id} after checking the holder's identity, and carries it out. */
  public KeyRecoveryView approve(String token, long id, String note) {
    Operator reviewer =
        access.require(
            token,
            KIND.decidePermission(),
            AuditAction.KEY_RECOVERY_APPROVED,
            KeyRecovery.reference(id));
    return workflow.approve(reviewer, id, KIND, note);
  }

  /** Rejects recovery {@code id}, saying why. */
  public KeyRecoveryView reject(String token, long id, String note) {
    Operator reviewer =
        access.require(
            token,
            KIND.decidePermission(),
            AuditAction.KEY_RECOVERY_REJECTED,
            KeyRecovery.reference(id));
    return workflow.reject(reviewer, id, KIND, note);
  }

  /** The envelope of approved recovery {@code id} (DER SM2EnvelopedKey), for the holder. */
  public byte[] envelope(String token, long id) {
    Operator clerk =
        access.require(
            token,
            KIND.requestPermission(),
            AuditAction.RECOVERED_KEY_COLLECTED,
            KeyRecovery.reference(id));
    return workflow.envelope(clerk, id, KIND);
  }
}

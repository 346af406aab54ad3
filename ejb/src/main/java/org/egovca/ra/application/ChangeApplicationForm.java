package org.egovca.ra.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import org.egovca.ra.domain.validation.IdDocument;
import org.egovca.ra.domain.validation.Initiator;
import org.egovca.ra.domain.validation.RevocationCondition;
import org.egovca.ra.domain.validation.Text;

/**
 * What the entry clerk types for a renewal, re-key or revocation application for an existing
 * certificate, after checking the requester's identity against the certificate's registration data.
 * The console binds its inputs to these properties directly, and {@link
 * ApplicationDesk#requestChange} checks the constraints written here: those of every kind, and
 * those of the group of the kind applied for ({@link Renewal} for a renewal or re-key, {@link
 * Revocation}); the fields of the other kind are ignored. What depends on the certificate and the
 * holder's keys {@link ChangeApplicationEntry} checks.
 */
@IdDocument(type = "idDocumentType", number = "idDocumentNumber", complete = true)
public class ChangeApplicationForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The constraints of a renewal or a re-key. */
  public interface Renewal {}

  /** The constraints of a revocation. */
  public interface Revocation {}

  /** The certificate's serial number (hex). */
  @NotBlank(message = "{field.required}")
  @Text(max = 64)
  private String serialNumber;

  /** Renewal: a request with the certificate's key; re-key: with the new key. */
  @NotBlank(message = "{field.required}", groups = Renewal.class)
  @Text(max = 8192, lines = true, groups = Renewal.class)
  private String pkcs10;

  /**
   * The holder's fresh renewal proof statement (see {@link org.egovca.ca.x509.RenewalProof}),
   * naming the certificate and this request.
   */
  @NotBlank(message = "{field.required}", groups = Renewal.class)
  @Text(max = 1024, lines = true, groups = Renewal.class)
  private String renewalProof;

  /** Its signature with the certificate's current key (base64). */
  @NotBlank(message = "{field.required}", groups = Renewal.class)
  @Text(max = 1024, lines = true, groups = Renewal.class)
  private String renewalProofSignature;

  /** A to J of CPS §6.1.4.8.1, or the condition's name. */
  @NotBlank(message = "{field.required}", groups = Revocation.class)
  @Text(max = 32, groups = Revocation.class)
  @RevocationCondition(groups = Revocation.class)
  private String revocationReason;

  /** HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY. */
  @NotBlank(message = "{field.required}", groups = Revocation.class)
  @Text(max = 32, groups = Revocation.class)
  @Initiator(groups = Revocation.class)
  private String initiator;

  @NotBlank(message = "{field.required}")
  @Text(max = 128)
  private String requesterName;

  /** An {@code IdentifierKind} name a person may present, or blank with a blank number. */
  @Text(max = 32)
  private String idDocumentType;

  @Text(max = 32)
  private String idDocumentNumber;

  @NotBlank(message = "{field.required}")
  @Text(max = 254)
  @Pattern(regexp = FormPatterns.EMAIL, message = "{field.email}")
  private String email;

  @Text(max = 32)
  @Pattern(regexp = FormPatterns.PHONE, message = "{field.phone}")
  private String phone;

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }

  public String getPkcs10() {
    return pkcs10;
  }

  public void setPkcs10(String pkcs10) {
    this.pkcs10 = pkcs10;
  }

  public String getRenewalProof() {
    return renewalProof;
  }

  public void setRenewalProof(String renewalProof) {
    this.renewalProof = renewalProof;
  }

  public String getRenewalProofSignature() {
    return renewalProofSignature;
  }

  public void setRenewalProofSignature(String renewalProofSignature) {
    this.renewalProofSignature = renewalProofSignature;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public void setRevocationReason(String revocationReason) {
    this.revocationReason = revocationReason;
  }

  public String getInitiator() {
    return initiator;
  }

  public void setInitiator(String initiator) {
    this.initiator = initiator;
  }

  public String getRequesterName() {
    return requesterName;
  }

  public void setRequesterName(String requesterName) {
    this.requesterName = requesterName;
  }

  public String getIdDocumentType() {
    return idDocumentType;
  }

  public void setIdDocumentType(String idDocumentType) {
    this.idDocumentType = idDocumentType;
  }

  public String getIdDocumentNumber() {
    return idDocumentNumber;
  }

  public void setIdDocumentNumber(String idDocumentNumber) {
    this.idDocumentNumber = idDocumentNumber;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }
}

package org.egovca.ra.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.validation.Text;

/**
 * A new operator account as the security administrator enters it. The console binds its inputs to
 * these properties directly, and {@link OperatorAccounts#checked} checks the constraints written
 * here; what depends on the records (a free user name, the unit of a UNIT_ADMIN, a key that opens
 * no other account) it checks itself. Kept as JSON while the request waits for a second security
 * administrator ({@link ActionParameters}), under these property names.
 */
public class NewOperator implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "{field.required}")
  @Text(max = 32)
  @Pattern(regexp = "\\s*([a-z][a-z0-9._-]{2,31})?\\s*", message = "{operator.username}")
  private String username;

  @NotBlank(message = "{field.required}")
  @Text(max = 64)
  private String displayName;

  @Text(max = 254)
  @Pattern(regexp = FormPatterns.EMAIL, message = "{field.email}")
  private String email;

  /** The operator's one role (CPS §7.5.1.2 item 4). */
  private OperatorRole role;

  /** Code of the unit a UNIT_ADMIN administers; blank for other roles. */
  private String applicationUnit;

  /**
   * The operator's PKCS#10 (PEM), made on their own device: the private key of their login
   * certificate never passes through the CA.
   */
  private String certificateRequestPem;

  public NewOperator() {}

  public NewOperator(
      String username,
      String displayName,
      String email,
      OperatorRole role,
      String applicationUnit,
      String certificateRequestPem) {
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.role = role;
    this.applicationUnit = applicationUnit;
    this.certificateRequestPem = certificateRequestPem;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public OperatorRole getRole() {
    return role;
  }

  public void setRole(OperatorRole role) {
    this.role = role;
  }

  public String getApplicationUnit() {
    return applicationUnit;
  }

  public void setApplicationUnit(String applicationUnit) {
    this.applicationUnit = applicationUnit;
  }

  public String getCertificateRequestPem() {
    return certificateRequestPem;
  }

  public void setCertificateRequestPem(String certificateRequestPem) {
    this.certificateRequestPem = certificateRequestPem;
  }
}

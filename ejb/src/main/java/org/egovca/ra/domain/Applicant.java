package org.egovca.ra.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/**
 * Who applies, as the entry clerk recorded it from the documents presented (CPS §6.1.3.2.2-4): the
 * holder's identity document, for an organisation its codes and business licence, and the agent who
 * applies on its behalf with their own identity document.
 */
@Embeddable
public class Applicant implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "applicant_name", nullable = false, length = 128)
  private String name;

  @Column(name = "id_document_type", length = 32)
  private String idDocumentType;

  @Column(name = "id_document_number", length = 32)
  private String idDocumentNumber;

  @Column(name = "organisation_name", length = 128)
  private String organisationName;

  @Column(name = "organisation_code", length = 32)
  private String organisationCode;

  @Column(name = "business_licence_number", length = 32)
  private String businessLicenceNumber;

  @Column(name = "agent_name", length = 128)
  private String agentName;

  @Column(name = "agent_id_document_type", length = 32)
  private String agentIdDocumentType;

  @Column(name = "agent_id_document_number", length = 32)
  private String agentIdDocumentNumber;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(length = 32)
  private String phone;

  protected Applicant() {}

  public Applicant(
      String name,
      String idDocumentType,
      String idDocumentNumber,
      String organisationName,
      String organisationCode,
      String businessLicenceNumber,
      String agentName,
      String agentIdDocumentType,
      String agentIdDocumentNumber,
      String email,
      String phone) {
    this.name = name;
    this.idDocumentType = idDocumentType;
    this.idDocumentNumber = idDocumentNumber;
    this.organisationName = organisationName;
    this.organisationCode = organisationCode;
    this.businessLicenceNumber = businessLicenceNumber;
    this.agentName = agentName;
    this.agentIdDocumentType = agentIdDocumentType;
    this.agentIdDocumentNumber = agentIdDocumentNumber;
    this.email = email;
    this.phone = phone;
  }

  public boolean hasAgent() {
    return agentName != null;
  }

  public String getName() {
    return name;
  }

  public String getIdDocumentType() {
    return idDocumentType;
  }

  public String getIdDocumentNumber() {
    return idDocumentNumber;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public String getOrganisationCode() {
    return organisationCode;
  }

  public String getBusinessLicenceNumber() {
    return businessLicenceNumber;
  }

  public String getAgentName() {
    return agentName;
  }

  public String getAgentIdDocumentType() {
    return agentIdDocumentType;
  }

  public String getAgentIdDocumentNumber() {
    return agentIdDocumentNumber;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }
}

package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An application unit (应用单位, CPS §7.3.2): one e-government application and its holders. */
@Entity
@Table(name = "application_unit")
@NamedQuery(name = ApplicationUnit.ALL, query = "SELECT u FROM ApplicationUnit u ORDER BY u.code")
@NamedQuery(
    name = ApplicationUnit.BY_CODE,
    query = "SELECT u FROM ApplicationUnit u WHERE u.code = :code")
public class ApplicationUnit {

  public static final String ALL = "ApplicationUnit.all";
  public static final String BY_CODE = "ApplicationUnit.byCode";

  @Id
  @SequenceGenerator(
      name = "application_unit_seq",
      sequenceName = "application_unit_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_unit_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String code;

  @Column(nullable = false, length = 128)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ApplicationUnit() {}

  public ApplicationUnit(String code, String name, Instant createdAt) {
    this.code = code;
    this.name = name;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}

package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.UNKNOWN_PROFILE;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfileVersion;
import org.egovca.ca.domain.ProfileDefinitions;
import org.egovca.ca.domain.Refusal;

/**
 * The certificate profiles stored in the database, every version of them. Look-ups do not flush the
 * caller's pending changes: profiles are never changed in a transaction that issues. Versions enter
 * through the shipped definitions ({@link #importShipped}); an operator interface follows with the
 * console. New certificates are issued under the latest version of a profile; a certificate names
 * its version, so an older version stays readable for as long as certificates issued under it
 * exist.
 */
@Stateless
public class CertificateProfileCatalogue {

  private static final Logger LOG = Logger.getLogger(CertificateProfileCatalogue.class.getName());

  /** Parsed definitions by "name/version": versions never change, so they are cached for good. */
  private static final Map<String, CertificateProfile> PARSED = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /** The latest version of {@code name}. */
  public Optional<CertificateProfile> current(String name) {
    return entityManager
        .createNamedQuery(CertificateProfileVersion.VERSIONS_OF, CertificateProfileVersion.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("name", name)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(CertificateProfileCatalogue::parsed);
  }

  /** The latest version of {@code name}, which the CA's own code relies on existing. */
  public CertificateProfile require(String name) {
    return current(name)
        .orElseThrow(() -> new IllegalStateException("profile " + name + " is not stored"));
  }

  /** The latest version of a profile a remote RA may request, or a refusal that lists them. */
  public CertificateProfile forRemoteRa(String name) {
    return Optional.ofNullable(name)
        .flatMap(this::current)
        .filter(CertificateProfile::remoteRa)
        .orElseThrow(
            () ->
                new Refusal(
                    UNKNOWN_PROFILE,
                    "profile '"
                        + name
                        + "' is unknown: profiles available to remote RAs are "
                        + String.join(
                            ", ",
                            latestVersions().stream()
                                .filter(CertificateProfile::remoteRa)
                                .map(CertificateProfile::name)
                                .toList())));
  }

  /** The latest version of every profile, by name. */
  public List<CertificateProfile> latestVersions() {
    Map<String, CertificateProfile> latest = new LinkedHashMap<>();
    for (CertificateProfileVersion stored : all()) {
      latest.put(stored.getName(), parsed(stored));
    }
    return List.copyOf(latest.values());
  }

  /** Every stored version, by name and version. */
  public List<CertificateProfileVersion> all() {
    return entityManager
        .createNamedQuery(CertificateProfileVersion.ALL, CertificateProfileVersion.class)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  private void store(CertificateProfile profile, String definition, String actor) {
    entityManager.persist(
        new CertificateProfileVersion(profile, definition, actor, clock.instant()));
    auditLog.success(
        actor,
        AuditAction.PROFILE_PUBLISHED,
        profile.label(),
        "type=" + profile.type() + " purpose=" + profile.purpose());
  }

  /**
   * Stores the shipped definitions not stored yet (every start). A shipped version that differs
   * from the stored one is not applied: the stored version is what certificates were issued under.
   */
  public void importShipped(String actor) {
    for (String definition : ProfileDefinitions.bundled()) {
      CertificateProfile profile = ProfileDefinitions.parse(definition);
      Optional<CertificateProfileVersion> stored = stored(profile.name(), profile.version());
      if (stored.isEmpty()) {
        if (current(profile.name()).map(p -> p.version() < profile.version()).orElse(true)) {
          store(profile, definition, actor);
        }
      } else if (!stored.get().getDefinition().equals(definition)) {
        LOG.warning(
            () ->
                "The shipped definition of "
                    + profile.label()
                    + " differs from the stored one, which stays in force: give the change a"
                    + " new version number");
      }
    }
  }

  /** Version {@code version} of {@code name}, as certificates issued under it were shaped. */
  public Optional<CertificateProfile> version(String name, int version) {
    return stored(name, version).map(CertificateProfileCatalogue::parsed);
  }

  private Optional<CertificateProfileVersion> stored(String name, int version) {
    return entityManager
        .createNamedQuery(CertificateProfileVersion.VERSIONS_OF, CertificateProfileVersion.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("name", name)
        .getResultStream()
        .filter(p -> p.getVersion() == version)
        .findFirst();
  }

  private static CertificateProfile parsed(CertificateProfileVersion stored) {
    return PARSED.computeIfAbsent(
        stored.getName() + "/" + stored.getVersion(),
        key -> ProfileDefinitions.parse(stored.getDefinition()));
  }
}

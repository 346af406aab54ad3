package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Finds the CAs of this system and presents one in its role of issuer. The look-ups do not flush
 * the caller's pending changes first (a batch of issuances would otherwise flush a growing
 * persistence context on every request): no transaction changes a CA and then looks it up.
 */
@Stateless
public class CertificateAuthorities {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  public Optional<CertificateAuthority> byName(String name) {
    return entityManager
        .createNamedQuery(CertificateAuthority.BY_NAME, CertificateAuthority.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public List<CertificateAuthority> all() {
    return entityManager
        .createNamedQuery(CertificateAuthority.ALL, CertificateAuthority.class)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /** The keys of {@code ca} replaced by rollovers, oldest first. */
  public List<RetiredCaKey> retiredKeys(CertificateAuthority ca) {
    return entityManager
        .createNamedQuery(RetiredCaKey.OF_CA, RetiredCaKey.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("ca", ca)
        .getResultList();
  }

  /** The retired keys of every CA. */
  public List<RetiredCaKey> allRetiredKeys() {
    return entityManager
        .createNamedQuery(RetiredCaKey.ALL, RetiredCaKey.class)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /**
   * A token alias for a new key of {@code ca}, such as {@code iFutureCA-ocsp-1764030000000}: the CA
   * name (cut to 40 characters, as aliases are stored in 64) and the key's purpose and time.
   */
  static String newKeyAlias(CertificateAuthority ca, String purpose, Instant now) {
    String name = ca.getName();
    return (name.length() > 40 ? name.substring(0, 40) : name)
        + "-"
        + purpose
        + "-"
        + now.toEpochMilli();
  }

  static IssuingCa asIssuer(CertificateAuthority ca) {
    return new IssuingCa(
        ca.getName(),
        holder(ca.getEncoded()),
        ca.getKeyAlias(),
        KeyAlgorithm.valueOf(ca.getKeyAlgorithm()),
        ca.getKeyIndex());
  }

  /** A retired key in its remaining role: signing for what it issued. */
  static IssuingCa asIssuer(RetiredCaKey key) {
    return new IssuingCa(
        key.getCa().getName(),
        holder(key.getCertificate()),
        key.getKeyAlias(),
        KeyAlgorithm.valueOf(key.getKeyAlgorithm()),
        key.getKeyIndex());
  }

  static X509CertificateHolder holder(byte[] encoded) {
    try {
      return new X509CertificateHolder(encoded);
    } catch (IOException e) {
      throw new IllegalStateException("a stored certificate cannot be parsed", e);
    }
  }
}

package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.domain.RevokedCaCertificate;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.crl.RevokedEntry;
import org.egovca.ca.x509.ocsp.OcspCertStatus;

/**
 * The CA certificates a parent CA (the root) issued to its subordinate CAs: for each subordinate,
 * the certificate of its current key and those of its retired keys (each the NewWithNew the parent
 * issued when that key was new). The link certificates of a subordinate's rollover are not among
 * them: the subordinate's own keys signed those. Which parent key signed a certificate is read from
 * its authority key identifier, since the parent may have rolled its own key over since.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SubordinateCaCertificates {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;

  /**
   * One CA certificate issued by a parent.
   *
   * @param ca the subordinate CA
   * @param caKeyIndex the key of {@code ca} it certifies
   * @param issuerKeyIndex the key of the parent that signed it
   */
  public record Issued(
      CertificateAuthority ca,
      int caKeyIndex,
      X509CertificateHolder certificate,
      int issuerKeyIndex) {

    public BigInteger serialNumber() {
      return certificate.getSerialNumber();
    }

    public Instant notAfter() {
      return certificate.getNotAfter().toInstant();
    }
  }

  /** The certificates the parent of {@code ca} issued to {@code ca}, oldest key first. */
  public List<Issued> of(CertificateAuthority ca) {
    if (ca.isRoot()) {
      return List.of();
    }
    return certificatesOf(ca, parentKeys(ca.getParent()));
  }

  /** Every certificate {@code parent} issued to its subordinate CAs. */
  public List<Issued> issuedBy(CertificateAuthority parent) {
    List<CertificateAuthority> subordinates =
        entityManager
            .createNamedQuery(CertificateAuthority.SUBORDINATES, CertificateAuthority.class)
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter("parent", parent)
            .getResultList();
    if (subordinates.isEmpty()) {
      return List.of(); // an issuing CA: OCSP asks here for every serial it does not know
    }
    Map<String, Integer> parentKeys = parentKeys(parent);
    List<Issued> issued = new ArrayList<>();
    for (CertificateAuthority subordinate : subordinates) {
      issued.addAll(certificatesOf(subordinate, parentKeys));
    }
    return issued;
  }

  /**
   * The OCSP status of the CA certificate with {@code serialNumber} that key {@code keyIndex} of CA
   * {@code caName} issued: revoked (time and CRLReason) once the root revoked it, GOOD while not,
   * empty when that key issued no CA certificate with this serial.
   */
  public Optional<OcspCertStatus> status(String caName, int keyIndex, BigInteger serialNumber) {
    Optional<RevokedCaCertificate> revoked =
        entityManager
            .createNamedQuery(RevokedCaCertificate.BY_SERIAL, RevokedCaCertificate.class)
            .setParameter("issuerName", caName)
            .setParameter("keyIndex", keyIndex)
            .setParameter("serial", SerialNumbers.toHex(serialNumber))
            .getResultStream()
            .findFirst();
    if (revoked.isPresent()) {
      return Optional.of(
          OcspCertStatus.revoked(
              revoked.get().getRevokedAt(), revoked.get().getRevocationReason().crlReason()));
    }
    return certificateAuthorities
        .byName(caName)
        .filter(ca -> issuedBy(ca).stream().anyMatch(c -> issues(c, keyIndex, serialNumber)))
        .map(ca -> OcspCertStatus.GOOD);
  }

  /**
   * The CA certificates key {@code keyIndex} of {@code issuer} revoked at or after {@code since},
   * not expired at {@code now}, as entries of that key's CRL, oldest revocation first. Read in the
   * caller's transaction: a revocation it made is among them.
   */
  public List<RevokedEntry> revokedEntries(
      CertificateAuthority issuer, int keyIndex, Instant now, Instant since) {
    return entityManager
        .createNamedQuery(RevokedCaCertificate.OF_ISSUER_KEY, RevokedCaCertificate.class)
        .setParameter("issuer", issuer)
        .setParameter("keyIndex", keyIndex)
        .setParameter("now", now)
        .setParameter("since", since)
        .getResultStream()
        .map(
            revoked ->
                RevokedEntry.of(
                    revoked.getSerialNumber(),
                    revoked.getRevokedAt(),
                    revoked.getRevocationReason().crlReason()))
        .toList();
  }

  private static boolean issues(Issued certificate, int keyIndex, BigInteger serialNumber) {
    return certificate.issuerKeyIndex() == keyIndex
        && certificate.serialNumber().equals(serialNumber);
  }

  private List<Issued> certificatesOf(CertificateAuthority ca, Map<String, Integer> parentKeys) {
    List<Issued> issued = new ArrayList<>();
    for (RetiredCaKey key : certificateAuthorities.retiredKeys(ca)) {
      issued.add(issued(ca, key.getKeyIndex(), key.getCertificate(), parentKeys));
    }
    issued.add(issued(ca, ca.getKeyIndex(), ca.getEncoded(), parentKeys));
    return issued;
  }

  private static Issued issued(
      CertificateAuthority ca, int keyIndex, byte[] encoded, Map<String, Integer> parentKeys) {
    X509CertificateHolder certificate = CertificateAuthorities.holder(encoded);
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
    Integer issuerKeyIndex =
        aki == null ? null : parentKeys.get(HexFormat.of().formatHex(aki.getKeyIdentifier()));
    if (issuerKeyIndex == null) {
      throw new IllegalStateException(
          "the certificate of key "
              + keyIndex
              + " of CA "
              + ca.getName()
              + " names no key of its parent CA as its issuer");
    }
    return new Issued(ca, keyIndex, certificate, issuerKeyIndex);
  }

  /** The keys of {@code parent}, current and retired, by subject key identifier (hex). */
  private Map<String, Integer> parentKeys(CertificateAuthority parent) {
    List<Map.Entry<byte[], Integer>> keys = new ArrayList<>();
    keys.add(Map.entry(parent.getEncoded(), parent.getKeyIndex()));
    for (RetiredCaKey key : certificateAuthorities.retiredKeys(parent)) {
      keys.add(Map.entry(key.getCertificate(), key.getKeyIndex()));
    }
    return keys.stream()
        .collect(
            Collectors.toMap(
                key ->
                    HexFormat.of()
                        .formatHex(
                            SubjectKeyIdentifier.fromExtensions(
                                    CertificateAuthorities.holder(key.getKey()).getExtensions())
                                .getKeyIdentifier()),
                Map.Entry::getValue,
                (first, second) -> first));
  }
}

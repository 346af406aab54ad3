package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.IssuedCrl;

/**
 * The CRLs the CAs have issued, complete and delta (every one is kept, R9): the latest of each
 * kind, and the next number of a CA's single CRL number sequence.
 */
@Stateless
public class IssuedCrls {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;

  /** The number the CA's next CRL, complete or delta, gets (RFC 5280 §5.2.4: one sequence). */
  public long nextCrlNumber(CertificateAuthority ca) {
    Long highest =
        entityManager
            .createNamedQuery(IssuedCrl.HIGHEST_NUMBER, Long.class)
            .setParameter("issuer", ca)
            .getSingleResult();
    return highest == null ? 1 : highest + 1;
  }

  /** The latest complete CRL signed by key {@code keyIndex} of {@code ca}. */
  public Optional<IssuedCrl> latestComplete(CertificateAuthority ca, int keyIndex) {
    return latest(IssuedCrl.LATEST_COMPLETE, ca, keyIndex);
  }

  /** The latest delta CRL; delta CRLs are issued for the current key only. */
  public Optional<IssuedCrl> latestDelta(CertificateAuthority ca) {
    return latest(IssuedCrl.LATEST_DELTA, ca, ca.getKeyIndex());
  }

  /**
   * The latest complete CRL of {@code caName} for the certificates of its key {@code keyIndex}, as
   * relying parties download it.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CrlDownload> completeCrl(String caName, int keyIndex) {
    return certificateAuthorities
        .byName(caName)
        .flatMap(ca -> latestComplete(ca, keyIndex))
        .map(CrlDownload::of);
  }

  /** The latest delta CRL of {@code caName}, as relying parties download it. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CrlDownload> deltaCrl(String caName) {
    return certificateAuthorities.byName(caName).flatMap(this::latestDelta).map(CrlDownload::of);
  }

  private Optional<IssuedCrl> latest(String query, CertificateAuthority ca, int keyIndex) {
    return entityManager
        .createNamedQuery(query, IssuedCrl.class)
        .setParameter("issuer", ca)
        .setParameter("keyIndex", keyIndex)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** A CRL as relying parties download it. */
  public record CrlDownload(
      long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] encoded) {
    public CrlDownload {
      encoded = encoded.clone();
    }

    static CrlDownload of(IssuedCrl crl) {
      return new CrlDownload(
          crl.getCrlNumber(), crl.getThisUpdate(), crl.getNextUpdate(), crl.getEncoded());
    }

    @Override
    public byte[] encoded() {
      return encoded.clone();
    }
  }
}

package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateRevocationList;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.ca.x509.crl.CrlContent;
import org.egovca.ca.x509.crl.CrlWriter;
import org.egovca.ca.x509.crl.EntrySource;
import org.egovca.ca.x509.crl.RevokedEntry;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * Issues a CA's complete CRL (CPS §6.1.4.8.7, GM/T 0015 §5.3): every revoked, unexpired certificate
 * with its reason, the next CRL number, signed by the CA key in the token, stored (every CRL is
 * kept) and audited, in one transaction. The CA row is locked while the number is drawn, so two
 * servers never issue the same CRL number; the revoked certificates are read with a database
 * cursor, so memory does not grow with the size of the CRL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CrlIssuance {

  private static final int FETCH_SIZE = 2_000;
  private static final String REVOKED_ENTRIES =
      "SELECT serial_number, revoked_at, revocation_reason FROM certificate"
          + " WHERE ca_id = ? AND status = 'REVOKED' AND not_after > ? ORDER BY revoked_at, id";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Resource(lookup = "jdbc/egovca")
  private DataSource dataSource;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  /** Issues a CRL for {@code caName} now (scheduled cycle, revocations, emergency). */
  public CrlSummary issue(String caName, String actor) {
    return issue(caName, actor, false).orElseThrow();
  }

  /** Issues a CRL only when none exists or the latest is about to reach its nextUpdate. */
  public Optional<CrlSummary> issueIfDue(String caName, String actor) {
    return issue(caName, actor, true);
  }

  private Optional<CrlSummary> issue(String caName, String actor, boolean onlyIfDue) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalArgumentException("no CA named " + caName));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Optional<CertificateRevocationList> latest = latest(ca);
    if (onlyIfDue
        && latest.isPresent()
        && now.isBefore(latest.get().getNextUpdate().minus(configuration.crlOverlap()))) {
      return Optional.empty();
    }
    long number = latest.map(l -> l.getCrlNumber() + 1).orElse(1L);
    Instant nextUpdate = now.plus(configuration.crlPeriod());
    X509CertificateHolder caCertificate = CertificateAuthorities.holder(ca.getEncoded());
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.forKey(KeyAlgorithm.valueOf(ca.getKeyAlgorithm()));
    CrlContent content =
        CrlContent.full(
            X500Name.getInstance(caCertificate.toASN1Structure().getSubject()),
            SubjectKeyIdentifier.fromExtensions(caCertificate.getExtensions()).getKeyIdentifier(),
            BigInteger.valueOf(number),
            now,
            nextUpdate,
            algorithm.algorithmIdentifier(),
            null);
    CountingSource entries = new CountingSource(ca.getId(), now);
    ByteArrayOutputStream crl = new ByteArrayOutputStream();
    try {
      CrlWriter.write(
          content, entries, cryptoToken.token().contentSigner(ca.getKeyAlias(), algorithm), crl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CRL of " + caName, e);
    }
    entityManager.persist(
        new CertificateRevocationList(
            ca, number, now, nextUpdate, entries.count, crl.toByteArray(), actor));
    auditLog.success(
        actor,
        AuditActions.CRL_ISSUED,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " crlNumber="
            + number
            + " entries="
            + entries.count
            + " nextUpdate="
            + nextUpdate);
    return Optional.of(new CrlSummary(caName, number, now, nextUpdate, entries.count));
  }

  /** The latest CRL of {@code caName}, if one was issued. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<IssuedCrl> latest(String caName) {
    return certificateAuthorities
        .byName(caName)
        .flatMap(this::latest)
        .map(
            crl ->
                new IssuedCrl(
                    crl.getCrlNumber(),
                    crl.getThisUpdate(),
                    crl.getNextUpdate(),
                    crl.getEncoded()));
  }

  /** A CRL as relying parties download it. */
  public record IssuedCrl(long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] encoded) {
    public IssuedCrl {
      encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
      return encoded.clone();
    }
  }

  private Optional<CertificateRevocationList> latest(CertificateAuthority ca) {
    return entityManager
        .createNamedQuery(CertificateRevocationList.LATEST, CertificateRevocationList.class)
        .setParameter("issuer", ca)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** What a new CRL contains, for callers and logs. */
  public record CrlSummary(
      String caName, long crlNumber, Instant thisUpdate, Instant nextUpdate, long entries) {}

  /**
   * The revoked, unexpired certificates of one CA, read through a JDBC cursor on each pass (the
   * writer reads them twice: once for the lengths, once to write).
   */
  private final class CountingSource implements EntrySource {
    private final long caId;
    private final Instant now;
    long count;

    CountingSource(long caId, Instant now) {
      this.caId = caId;
      this.now = now;
    }

    @Override
    public Iterator<RevokedEntry> open() {
      count = 0;
      try {
        return new Cursor(this);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the revoked certificates", e);
      }
    }
  }

  private final class Cursor implements Iterator<RevokedEntry>, AutoCloseable {
    private final CountingSource source;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private Boolean hasNext;

    Cursor(CountingSource source) throws SQLException {
      this.source = source;
      this.connection = dataSource.getConnection();
      this.statement = connection.prepareStatement(REVOKED_ENTRIES);
      statement.setFetchSize(FETCH_SIZE);
      statement.setLong(1, source.caId);
      statement.setTimestamp(2, Timestamp.from(source.now));
      this.rows = statement.executeQuery();
    }

    @Override
    public boolean hasNext() {
      if (hasNext == null) {
        try {
          hasNext = rows.next();
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read the revoked certificates", e);
        }
      }
      return hasNext;
    }

    @Override
    public RevokedEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      hasNext = null;
      try {
        source.count++;
        RevocationReason reason = RevocationReason.valueOf(rows.getString(3));
        return new RevokedEntry(
            SerialNumbers.fromHex(rows.getString(1)),
            rows.getTimestamp(2).toInstant(),
            reason.crlReason().orElse(null),
            null);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the revoked certificates", e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (connection;
          statement;
          rows) {
        // closes the cursor, then the statement, then returns the connection to the pool
      }
    }
  }
}

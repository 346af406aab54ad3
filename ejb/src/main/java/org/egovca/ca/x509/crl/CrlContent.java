package org.egovca.ca.x509.crl;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Everything in a CRL except its entries and its signature: the fields of TBSCertList (RFC 5280
 * §5.1.2, GM/T 0015 table C.5) and the values of the CRL extensions this CA writes.
 *
 * <p>The constructor refuses combinations that would yield a CRL relying parties must reject or
 * would misread, so a {@code CrlContent} that exists can always be written. Times are cut to whole
 * seconds, the precision a CRL carries.
 *
 * @param issuer the CA's name, exactly as the subject of the CA certificate whose key signs the CRL
 *     (RFC 5280 §5.1.2.3); its DER encoding is written as it is. Take it from the certificate, for
 *     example {@code X500Name.getInstance(caCertificate.toASN1Structure().getSubject())}
 * @param authorityKeyIdentifier the keyIdentifier of the authorityKeyIdentifier extension: the CA
 *     certificate's subjectKeyIdentifier octets (RFC 5280 §5.2.1)
 * @param crlNumber the cRLNumber extension value: 0 or more, at most 20 octets, increasing with
 *     every CRL this CA issues for this scope (RFC 5280 §5.2.3)
 * @param thisUpdate when this CRL was issued
 * @param nextUpdate when the next CRL will be issued at the latest; mandatory in GM/T 0015 and RFC
 *     5280 §5.1.2.5, and later than {@code thisUpdate}
 * @param signatureAlgorithm the signature algorithm, written in TBSCertList and CertificateList; it
 *     must be the signer's
 * @param baseCrlNumber null for a complete CRL; for a delta CRL the cRLNumber of the complete CRL
 *     it updates, written in the critical deltaCRLIndicator extension (RFC 5280 §5.2.4) and lower
 *     than {@code crlNumber}
 * @param freshestCrlUrl null, or for a complete CRL the URL where the delta CRLs are published,
 *     written in the freshestCRL extension (RFC 5280 §5.2.6); refused on delta CRLs
 * @param distributionPointUrl null, or the CRL distribution point of the certificates the CRL
 *     covers, written in the critical issuingDistributionPoint extension (RFC 5280 §5.2.5)
 */
public record CrlContent(
    X500Name issuer,
    byte[] authorityKeyIdentifier,
    BigInteger crlNumber,
    Instant thisUpdate,
    Instant nextUpdate,
    AlgorithmIdentifier signatureAlgorithm,
    BigInteger baseCrlNumber,
    String freshestCrlUrl,
    String distributionPointUrl) {

  /** Longest CRL number RFC 5280 §5.2.3 allows, in octets. */
  private static final int MAX_CRL_NUMBER_OCTETS = 20;

  /**
   * Checks the content and cuts its times to seconds.
   *
   * @throws IllegalArgumentException if a mandatory value is missing or empty, a CRL number is
   *     negative or longer than 20 octets, nextUpdate is not after thisUpdate, the base CRL number
   *     is not below the CRL number, the freshest-CRL URL is not an absolute ASCII URI, or a delta
   *     CRL is given a freshest-CRL URL
   */
  public CrlContent {
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.getRDNs().length == 0) {
      throw new IllegalArgumentException(
          "the CRL issuer must be a non-empty name (RFC 5280 §5.1.2.3)");
    }
    Objects.requireNonNull(authorityKeyIdentifier, "authorityKeyIdentifier");
    if (authorityKeyIdentifier.length == 0) {
      throw new IllegalArgumentException("the authority key identifier must not be empty");
    }
    authorityKeyIdentifier = authorityKeyIdentifier.clone();
    requireCrlNumber(crlNumber, "crlNumber");
    thisUpdate = DerTime.toSeconds(thisUpdate, "thisUpdate");
    nextUpdate = DerTime.toSeconds(nextUpdate, "nextUpdate");
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException(
          "nextUpdate " + nextUpdate + " must be later than thisUpdate " + thisUpdate);
    }
    Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    if (baseCrlNumber != null) {
      requireCrlNumber(baseCrlNumber, "baseCrlNumber");
      if (baseCrlNumber.compareTo(crlNumber) >= 0) {
        throw new IllegalArgumentException(
            "the base CRL number "
                + baseCrlNumber
                + " of a delta CRL must be lower than its own CRL number "
                + crlNumber);
      }
    }
    if (freshestCrlUrl != null) {
      if (baseCrlNumber != null) {
        throw new IllegalArgumentException(
            "a delta CRL (base CRL number "
                + baseCrlNumber
                + ") must not carry the freshestCRL extension: RFC 5280 §5.2.6 and GM/T 0015 allow"
                + " it only in complete CRLs");
      }
      requireUrl(freshestCrlUrl);
    }
    if (distributionPointUrl != null) {
      requireUrl(distributionPointUrl);
    }
  }

  /** Content of a complete CRL; {@code freshestCrlUrl} may be null. */
  public static CrlContent full(
      X500Name issuer,
      byte[] authorityKeyIdentifier,
      BigInteger crlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      AlgorithmIdentifier signatureAlgorithm,
      String freshestCrlUrl) {
    return new CrlContent(
        issuer,
        authorityKeyIdentifier,
        crlNumber,
        thisUpdate,
        nextUpdate,
        signatureAlgorithm,
        null,
        freshestCrlUrl,
        null);
  }

  /** Content of a delta CRL listing the changes since the complete CRL {@code baseCrlNumber}. */
  public static CrlContent delta(
      X500Name issuer,
      byte[] authorityKeyIdentifier,
      BigInteger crlNumber,
      BigInteger baseCrlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      AlgorithmIdentifier signatureAlgorithm) {
    return new CrlContent(
        issuer,
        authorityKeyIdentifier,
        crlNumber,
        thisUpdate,
        nextUpdate,
        signatureAlgorithm,
        baseCrlNumber,
        null,
        null);
  }

  /**
   * This content with the critical issuingDistributionPoint extension (RFC 5280 §5.2.5) naming
   * {@code url}: the CRL then covers only the certificates whose CRL distribution point is that
   * URL, which keeps the CRLs of a CA's keys apart after a key rollover.
   */
  public CrlContent withDistributionPoint(String url) {
    return new CrlContent(
        issuer,
        authorityKeyIdentifier,
        crlNumber,
        thisUpdate,
        nextUpdate,
        signatureAlgorithm,
        baseCrlNumber,
        freshestCrlUrl,
        url);
  }

  /** A copy of the key identifier octets. */
  @Override
  public byte[] authorityKeyIdentifier() {
    return authorityKeyIdentifier.clone();
  }

  /** Whether this is a delta CRL (it has a base CRL number). */
  public boolean isDelta() {
    return baseCrlNumber != null;
  }

  /** Compares the key identifier by content, not identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CrlContent that
        && issuer.equals(that.issuer)
        && Arrays.equals(authorityKeyIdentifier, that.authorityKeyIdentifier)
        && crlNumber.equals(that.crlNumber)
        && thisUpdate.equals(that.thisUpdate)
        && nextUpdate.equals(that.nextUpdate)
        && signatureAlgorithm.equals(that.signatureAlgorithm)
        && Objects.equals(baseCrlNumber, that.baseCrlNumber)
        && Objects.equals(freshestCrlUrl, that.freshestCrlUrl)
        && Objects.equals(distributionPointUrl, that.distributionPointUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        issuer,
        Arrays.hashCode(authorityKeyIdentifier),
        crlNumber,
        thisUpdate,
        nextUpdate,
        signatureAlgorithm,
        baseCrlNumber,
        freshestCrlUrl,
        distributionPointUrl);
  }

  @Override
  public String toString() {
    return "CrlContent[issuer="
        + issuer
        + ", authorityKeyIdentifier="
        + HexFormat.of().formatHex(authorityKeyIdentifier)
        + ", crlNumber="
        + crlNumber
        + ", thisUpdate="
        + thisUpdate
        + ", nextUpdate="
        + nextUpdate
        + ", signatureAlgorithm="
        + signatureAlgorithm.getAlgorithm()
        + ", baseCrlNumber="
        + baseCrlNumber
        + ", freshestCrlUrl="
        + freshestCrlUrl
        + ", distributionPointUrl="
        + distributionPointUrl
        + "]";
  }

  private static void requireCrlNumber(BigInteger number, String field) {
    Objects.requireNonNull(number, field);
    if (number.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + number);
    }
    if (number.bitLength() / 8 + 1 > MAX_CRL_NUMBER_OCTETS) {
      throw new IllegalArgumentException(
          field + " is longer than 20 octets (RFC 5280 §5.2.3): " + number);
    }
  }

  /** The URL goes into an IA5String, so it must be ASCII (percent-encoded) and absolute. */
  private static void requireUrl(String url) {
    boolean ascii = url.chars().allMatch(c -> c >= 0x21 && c < 0x7f);
    boolean absolute;
    try {
      absolute = ascii && new URI(url).isAbsolute();
    } catch (URISyntaxException e) {
      absolute = false;
    }
    if (!absolute) {
      throw new IllegalArgumentException(
          "freshestCrlUrl must be an absolute URI in printable ASCII (percent-encode the rest): "
              + url);
    }
  }
}

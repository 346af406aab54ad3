package org.egovca.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.egovca.ca.x509.DirectoryUrls;
import org.egovca.ca.x509.PkiUrls;
import org.egovca.hsm.pkcs11.Pkcs11TokenConfig;

/**
 * Settings of this CA, read from server system properties (set by {@code ear/bin/egovca} with
 * {@code asadmin create-system-properties}); every default is the embedded development setup.
 */
@ApplicationScoped
public class CaConfiguration {

  /**
   * Policy OID of the CPS in the certificatePolicies extension. The default lies in the UUID arc
   * 2.25 (ITU-T X.667), which needs no registration; a CA in production sets its own OID.
   */
  static final String DEFAULT_POLICY_OID = "2.25.329800735698586629295641978511506172918";

  private static String property(String name, String defaultValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  /**
   * The PKCS#11 module that holds the CA's new RSA and EC keys ({@code egovca.pkcs11.library}, the
   * module's shared library, and {@code egovca.pkcs11.tokenLabel}), named {@code hsm}; empty where
   * none is configured and every key stays on the software token.
   */
  public Optional<Pkcs11TokenConfig> pkcs11Token() {
    String library = property("egovca.pkcs11.library", "");
    if (library.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Pkcs11TokenConfig("hsm", Path.of(library), property("egovca.pkcs11.tokenLabel", "")));
  }

  public Path dataDirectory() {
    return Path.of(property("egovca.data.dir", System.getProperty("user.home") + "/.egov-ca/data"));
  }

  public PkiUrls pkiUrls() {
    return PkiUrls.of(property("egovca.pki.baseUrl", "http://localhost:8080/pki"));
  }

  public DirectoryUrls directoryUrls() {
    String port = property("egovca.ldap.port", "10389");
    return new DirectoryUrls(
        property("egovca.ldap.publicUrl", "ldap://" + hostName() + ":" + port),
        property("egovca.ldap.baseDn", "o=iFutureCA,c=CN"));
  }

  public String hostName() {
    return property("egovca.hostname", "localhost");
  }

  public String policyOid() {
    return property("egovca.policy.oid", DEFAULT_POLICY_OID);
  }

  public String rootCaName() {
    return property("egovca.rootCa.name", "iFutureCA-Root");
  }

  public String rootCaSubject() {
    return property("egovca.rootCa.subject", "CN=iFutureCA Root,C=CN");
  }

  public String issuingCaName() {
    return property("egovca.issuingCa.name", "iFutureCA");
  }

  public String issuingCaSubject() {
    return property("egovca.issuingCa.subject", "CN=iFutureCA,C=CN");
  }

  /**
   * The RSA CA that issues the TLS certificates of this system (the server's HTTPS certificate, RA
   * client and operator credentials). TLS stacks in use today (JSSE in Payara, browsers, curl)
   * cannot validate SM3withSM2 certificate signatures or parse SM2 CA keys, so TLS chains end at
   * this RSA CA, which is itself certified by the SM2 root.
   */
  public String rsaCaName() {
    return property("egovca.rsaCa.name", "iFutureCA-RSA");
  }

  public String rsaCaSubject() {
    return property("egovca.rsaCa.subject", "CN=iFutureCA RSA,C=CN");
  }

  /**
   * How many delivery workers compete for each delivery queue on this server (default 1). Workers
   * of several servers sharing the database compete the same way; the queue lock lets one deliver
   * at a time. Tests raise it to make workers race.
   */
  public int deliveryWorkers() {
    int workers = Integer.parseInt(property("egovca.delivery.workers", "1"));
    if (workers < 1 || workers > 16) {
      throw new IllegalArgumentException("egovca.delivery.workers must be between 1 and 16");
    }
    return workers;
  }

  /**
   * The longest wait of a delivery queue between two attempts after failures (5 minutes by
   * default): the backoff doubles from 2 seconds up to it.
   */
  public Duration longestDeliveryWait() {
    long seconds = Long.parseLong(property("egovca.delivery.longestWaitSeconds", "300"));
    if (seconds < 2 || seconds > 3600) {
      throw new IllegalArgumentException(
          "egovca.delivery.longestWaitSeconds must be between 2 and 3600");
    }
    return Duration.ofSeconds(seconds);
  }

  /** How long a CRL is valid; the CPS issues one at least every 24 hours (§6.1.4.8.7). */
  public Duration crlPeriod() {
    return Duration.ofHours(Long.parseLong(property("egovca.crl.periodHours", "24")));
  }

  /** A new CRL is issued this long before the current one's nextUpdate. */
  public Duration crlOverlap() {
    return Duration.ofMinutes(Long.parseLong(property("egovca.crl.overlapMinutes", "60")));
  }

  /**
   * How long a delta CRL is valid, and so how often one is issued between complete CRLs (RFC 5280
   * §5.2.4): relying parties that fetch deltas learn of revocations within this period without
   * downloading the whole list.
   */
  public Duration deltaCrlPeriod() {
    return Duration.ofMinutes(Long.parseLong(property("egovca.deltaCrl.periodMinutes", "60")));
  }

  /**
   * A new delta CRL is issued this long before the current one's nextUpdate; two runs of the
   * five-minute CRL schedule by default, so one missed run does not let it lapse.
   */
  public Duration deltaCrlOverlap() {
    return Duration.ofMinutes(Long.parseLong(property("egovca.deltaCrl.overlapMinutes", "10")));
  }

  /**
   * Delay between a revocation and the CRL that lists it, so that a burst of revocations makes one
   * CRL; far inside the CPS's 24 hours (§6.1.4.8.8). Key compromise is published at once.
   */
  public Duration crlPublishDelay() {
    return Duration.ofSeconds(Long.parseLong(property("egovca.crl.publishDelaySeconds", "300")));
  }

  /**
   * Whether OCSP answers for the current CA keys are signed by delegated responder certificates
   * ({@code egovca.ocsp.signer=delegated}, the default) or by the CA keys themselves ({@code ca}).
   */
  public boolean delegatedOcspResponders() {
    String signer = property("egovca.ocsp.signer", "delegated");
    if (!signer.equals("delegated") && !signer.equals("ca")) {
      throw new IllegalStateException(
          "egovca.ocsp.signer must be 'delegated' or 'ca', not '" + signer + "'");
    }
    return signer.equals("delegated");
  }

  /** A delegated responder certificate is replaced when less than this remains of it. */
  public Duration ocspResponderRenewal() {
    return Duration.ofDays(Long.parseLong(property("egovca.ocsp.responderRenewalDays", "3")));
  }

  /** A sync signer certificate (30 days) is replaced when less than this remains of it. */
  public Duration syncSignerRenewal() {
    return Duration.ofDays(Long.parseLong(property("egovca.sync.signerRenewalDays", "10")));
  }

  /** How long an OCSP answer is valid (its nextUpdate); caches keep it at most that long. */
  public Duration ocspValidity() {
    return Duration.ofMinutes(Long.parseLong(property("egovca.ocsp.validityMinutes", "10")));
  }

  /**
   * Whether revoking one certificate of a signing/encryption pair revokes the other too (the
   * default; {@code egovca.revocation.revokePair=false} revokes only the one named).
   */
  public boolean revokePair() {
    return Boolean.parseBoolean(property("egovca.revocation.revokePair", "true"));
  }

  /** How long before expiry a certificate may be renewed online (CPS §6.1.4.6.1: 3 months). */
  public Duration renewalWindow() {
    return Duration.ofDays(Long.parseLong(property("egovca.renewal.windowDays", "90")));
  }

  /**
   * The most requests a remote RA may put into one batch: a batch is one transaction, so its size
   * bounds how long it holds a database connection and how much it keeps in memory.
   */
  public int maxBatchSize() {
    return Integer.parseInt(property("egovca.ra.maxBatchSize", "1000"));
  }

  public Duration rootCaValidity() {
    return Duration.ofDays(Long.parseLong(property("egovca.rootCa.validityDays", "7305")));
  }

  public Duration issuingCaValidity() {
    return Duration.ofDays(Long.parseLong(property("egovca.issuingCa.validityDays", "3652")));
  }
}

package org.egovca.ca.application;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.application.ApplicationUnitRegistry;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.function.Executable;

/**
 * What the service tests of the CA services share: unique names, PKCS#10 requests and renewal
 * proofs made with the tests' own keys, remote RA accounts and application units of their own, and
 * counts of what the services wrote, by a token unique to the test.
 */
final class CaServiceFixtures {

  static final String ACTOR = "service-test";

  private CaServiceFixtures() {}

  /** A name no other test uses: {@code prefix} and ten lower-case hexadecimal digits. */
  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static <T> T bean(Class<T> type) {
    return CDI.current().select(type).get();
  }

  /** A PEM PKCS#10 request for {@code key}, signed with it by {@code algorithm}. */
  static String csr(KeyPair key, String algorithm) {
    return csr(key, key.getPrivate(), algorithm);
  }

  /** A PEM PKCS#10 request carrying {@code key}'s public key but signed with {@code signer}. */
  static String csr(KeyPair key, PrivateKey signer, String algorithm) {
    PKCS10CertificationRequest request =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), key.getPublic())
            .build(TestKeys.signer(algorithm, signer));
    try {
      return Pem.text("CERTIFICATE REQUEST", request.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sm2Csr(KeyPair key) {
    return csr(key, "SM3withSM2");
  }

  static String rsaCsr(KeyPair key) {
    return csr(key, "SHA256withRSA");
  }

  /** A personal signing request for an SM2 key, named by {@code cn}, of no application unit. */
  static IssuanceRequest personal(String cn, KeyPair key) {
    return new IssuanceRequest("personal-sign", "CN=" + cn + ",O=Test,C=CN", sm2Csr(key));
  }

  /** The DER of the client certificate of the account {@code name}. */
  static byte[] clientCertificateOf(String name) {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(ClientAccount.BY_NAME, ClientAccount.class)
                .setParameter("name", name)
                .getSingleResult()
                .getCertificate()
                .getEncoded());
  }

  /** The demo RA's client certificate: an RA of no application unit. */
  static byte[] demoRa() {
    return clientCertificateOf(FirstServiceCredentials.DEMO_REMOTE_RA);
  }

  /** A remote RA account of its own, with a client certificate. */
  record RemoteRa(String name, byte[] certificate, KeyPair key) {}

  /** Registers a remote RA authorised for {@code units}. */
  static RemoteRa newRemoteRa(String... units) {
    String name = unique("ra-");
    KeyPair key = TestKeys.rsaKeyPair(2048);
    String request = rsaCsr(key);
    ServiceTier.inTransaction(
        em ->
            bean(RemoteRaRegistry.class)
                .register(new RemoteRaRegistry.Registration(name, List.of(units), request), ACTOR));
    return new RemoteRa(name, clientCertificateOf(name), key);
  }

  /** Creates an application unit; returns its code. */
  static String newUnit() {
    String code = unique("U");
    ServiceTier.inTransaction(
        em -> {
          bean(ApplicationUnitRegistry.class).create(code, "Unit " + code, ACTOR);
          return null;
        });
    return code;
  }

  /** How many certificates have {@code token} in their subject DN. */
  static long certificatesNamed(String token) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(c) FROM IssuedCertificate c WHERE c.subjectDn LIKE :token",
                    Long.class)
                .setParameter("token", "%" + token + "%")
                .getSingleResult());
  }

  /** How many audit events of {@code outcome} name {@code token} (actor, target or detail). */
  static long auditEvents(String token, AuditOutcome outcome) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(e) FROM AuditEvent e WHERE e.outcome = :outcome AND (e.actor"
                        + " LIKE :token OR e.target LIKE :token OR e.detail LIKE :token)",
                    Long.class)
                .setParameter("outcome", outcome)
                .setParameter("token", "%" + token + "%")
                .getSingleResult());
  }

  /** A renewal proof statement and its base64 signature with {@code key}. */
  record Proof(String statement, String signature) {

    RenewalProof parsed() {
      return RenewalProof.parse(statement, signature);
    }
  }

  static Proof proof(
      RenewalProof.Operation operation,
      String serialHex,
      Instant time,
      String pkcs10Pem,
      PrivateKey key) {
    String statement =
        RenewalProof.statement(operation, new BigInteger(serialHex, 16), time, der(pkcs10Pem));
    try {
      Signature signer =
          Signature.getInstance(
              key.getAlgorithm().startsWith("RSA") ? "SHA256withRSA" : "SM3withSM2", TestKeys.BC);
      signer.initSign(key);
      signer.update(statement.getBytes(StandardCharsets.UTF_8));
      return new Proof(statement, Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The DER of a PEM PKCS#10 request. */
  static byte[] der(String pkcs10Pem) {
    String base64 =
        pkcs10Pem
            .replace("-----BEGIN CERTIFICATE REQUEST-----", "")
            .replace("-----END CERTIFICATE REQUEST-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  /** The refusal {@code call} raises, checked for its reason and a part of its message. */
  static Refusal refused(RefusalCode reason, String messagePart, Executable call) {
    Refusal refusal = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class, call);
    org.junit.jupiter.api.Assertions.assertEquals(reason, refusal.code(), refusal.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(
        refusal.getMessage().contains(messagePart),
        () -> "the message names '" + messagePart + "': " + refusal.getMessage());
    return refusal;
  }
}

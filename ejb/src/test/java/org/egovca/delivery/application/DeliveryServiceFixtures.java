package org.egovca.delivery.application;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.application.IssuanceRequest;
import org.egovca.ca.application.VettedIssuance;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.ra.application.AdminCredentials;
import org.egovca.ra.application.ApplicationUnitRegistry;
import org.egovca.ra.application.OperatorCertificates;
import org.egovca.ra.application.OperatorSessions;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.servicetier.ServiceTier;

/**
 * What the delivery services' tests need and no delivery service makes: application units,
 * operators logged in with a role, e-gov systems registered without waiting for a second
 * administrator, certificates issued into a unit. Every name is new, so tests share the database.
 */
final class DeliveryServiceFixtures {

  /** Port 9 (discard) is closed on loopback: every delivery to it is refused at once. */
  static final String UNREACHABLE = "http://127.0.0.1:9/CertificateSyncService";

  static final List<String> ALL_TYPES = List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL");

  private static final String PASSWORD = "Delivery-fixture-9";

  /** One operator per role for the whole run: an RSA key and an Argon2 hash each are slow. */
  private static final Map<OperatorRole, Login> LOGINS = new EnumMap<>(OperatorRole.class);

  private static Login secondAdmin;

  /**
   * RSA-2048 test keys made once and kept with the tests: a new one takes about a second, and each
   * registration and operator needs a key no other client uses (in this run's database).
   */
  private static final java.util.Deque<KeyPair> RSA_KEYS = rsaTestKeys();

  private DeliveryServiceFixtures() {}

  /** An operator's two factors and their open console session. */
  record Login(String username, byte[] certificate, String token) {
    AdminCredentials credentials() {
      return new AdminCredentials(certificate, username, PASSWORD.toCharArray());
    }
  }

  static <T> T bean(Class<T> type) {
    return CDI.current().select(type).get();
  }

  /** A name no other test uses, starting with {@code prefix}. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new application unit; its code. */
  static String unit() {
    String code = unique("U");
    ServiceTier.inTransaction(
        em -> {
          bean(ApplicationUnitRegistry.class).create(code, "Unit " + code, "test");
          return null;
        });
    return code;
  }

  /** The logged-in operator of {@code role} (the first security administrator is another). */
  static synchronized Login login(OperatorRole role) {
    return LOGINS.computeIfAbsent(role, DeliveryServiceFixtures::newLogin);
  }

  /** A second security administrator, to approve what the first asked for. */
  static synchronized Login secondSecurityAdmin() {
    if (secondAdmin == null) {
      secondAdmin = newLogin(OperatorRole.SECURITY_ADMIN);
    }
    return secondAdmin;
  }

  /** An operator of {@code role} of the caller's own, whose failed logins trouble no other test. */
  static Login newLogin(OperatorRole role) {
    String username = unique("dlv").toLowerCase(java.util.Locale.ROOT);
    KeyPair key = rsaKey();
    byte[] certificate =
        ServiceTier.inTransaction(
            em -> {
              IssuedCertificate issued =
                  bean(OperatorCertificates.class)
                      .issue(username, TestKeys.spki(key.getPublic()), "test");
              String hash = PasswordHash.of(PASSWORD.toCharArray());
              Operator operator =
                  new Operator(
                      username,
                      "Delivery " + role,
                      null,
                      EnumSet.of(role),
                      null,
                      hash,
                      "test",
                      ServiceTier.clock().instant());
              operator.changePassword(hash, ServiceTier.clock().instant());
              operator.bindCertificate(issued);
              em.persist(operator);
              return issued.getEncoded();
            });
    String token =
        bean(OperatorSessions.class)
            .login(certificate, username, PASSWORD.toCharArray(), "127.0.0.1")
            .sessionToken();
    return new Login(username, certificate, token);
  }

  /** A PKCS#10 in PEM for a new RSA-2048 key, as an e-gov system's TLS client key is. */
  static String rsaRequest(String name) {
    return request(name, rsaKey(), "SHA256withRSA");
  }

  /** A PKCS#10 in PEM for a new P-256 key: well formed, but no key the TLS client profile takes. */
  static String p256Request(String name) {
    return request(name, TestKeys.ecKeyPair("secp256r1"), "SHA256withECDSA");
  }

  private static synchronized KeyPair rsaKey() {
    KeyPair kept = RSA_KEYS.poll();
    return kept != null ? kept : TestKeys.rsaKeyPair(2048);
  }

  private static java.util.Deque<KeyPair> rsaTestKeys() {
    java.util.Deque<KeyPair> keys = new java.util.ArrayDeque<>();
    try (PEMParser parser =
        new PEMParser(
            new java.io.InputStreamReader(
                DeliveryServiceFixtures.class.getResourceAsStream("rsa-test-keys.pem"),
                java.nio.charset.StandardCharsets.US_ASCII))) {
      java.security.KeyFactory factory = java.security.KeyFactory.getInstance("RSA");
      for (Object pem = parser.readObject(); pem != null; pem = parser.readObject()) {
        java.security.interfaces.RSAPrivateCrtKey key =
            (java.security.interfaces.RSAPrivateCrtKey)
                factory.generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(
                        ((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) pem).getEncoded()));
        keys.add(
            new KeyPair(
                factory.generatePublic(
                    new java.security.spec.RSAPublicKeySpec(
                        key.getModulus(), key.getPublicExponent())),
                key));
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the RSA test keys", e);
    }
    return keys;
  }

  private static String request(String name, KeyPair key, String algorithm) {
    try {
      byte[] der =
          new JcaPKCS10CertificationRequestBuilder(
                  new javax.security.auth.x500.X500Principal("CN=" + name), key.getPublic())
              .build(TestKeys.signer(algorithm, key.getPrivate()))
              .getEncoded();
      return Pem.text("CERTIFICATE REQUEST", der);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A real-time subscription to every business type, over plain HTTP to a closed port. */
  static SubscriptionForm unreachable(String... businessTypes) {
    return new SubscriptionForm(
        UNREACHABLE,
        "REALTIME",
        0,
        businessTypes.length == 0 ? ALL_TYPES : List.of(businessTypes),
        true,
        null);
  }

  /** Registers an e-gov system as an approved registration does, in a transaction of its own. */
  static EgovSystemRegistry.Registered register(
      String name, String unit, SubscriptionForm subscription) {
    EgovSystemRegistration registration =
        new EgovSystemRegistration(name, unit, subscription, rsaRequest(name));
    return ServiceTier.inTransaction(
        em -> bean(EgovSystemRegistry.class).register(registration, "test"));
  }

  static String queueOf(EgovSystemRegistry.Registered registered) {
    return DeliveryQueue.ofEgovSystem(registered.system().id());
  }

  /** The system's client certificate (DER), the first of its chain. */
  static byte[] clientCertificate(EgovSystemRegistry.Registered registered) {
    try (PEMParser parser = new PEMParser(new StringReader(registered.clientCertificatePem()))) {
      return ((X509CertificateHolder) parser.readObject()).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Issues a personal signing certificate into {@code unit}, as the console's vetting does. */
  static IssuedCertificate issue(String unit, boolean directoryConsent) {
    return ServiceTier.inTransaction(em -> issueHere(unit, directoryConsent));
  }

  /** Issues in the caller's transaction. */
  static IssuedCertificate issueHere(String unit, boolean directoryConsent) {
    String subject = "CN=" + unique("Holder") + ",C=CN";
    return bean(VettedIssuance.class)
        .issue(
            new IssuanceRequest(
                "personal-sign",
                subject,
                request("holder", TestKeys.sm2KeyPair(), "SM3withSM2"),
                List.of(),
                List.of(),
                unit,
                directoryConsent),
            "test",
            null);
  }

  /** The queue's items, oldest first. */
  static List<Delivery> items(String queue) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT d FROM Delivery d WHERE d.queue = :queue ORDER BY d.id", Delivery.class)
                .setParameter("queue", queue)
                .getResultList());
  }

  /** The items queued for {@code certificate}, in any queue. */
  static List<Delivery> itemsOf(IssuedCertificate certificate) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT d FROM Delivery d WHERE d.certificateId = :id ORDER BY d.id",
                    Delivery.class)
                .setParameter("id", certificate.getId())
                .getResultList());
  }

  static DeliveryQueue queue(String name) {
    return ServiceTier.inTransaction(em -> em.find(DeliveryQueue.class, name));
  }

  /** The audit records {@code actor} left with {@code action}, oldest first. */
  static List<AuditEvent> audit(String actor, AuditAction action) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT e FROM AuditEvent e WHERE e.actor = :actor AND e.action = :action"
                        + " ORDER BY e.id",
                    AuditEvent.class)
                .setParameter("actor", actor)
                .setParameter("action", action.name())
                .getResultList());
  }

  /** The audit records of {@code action}, oldest first. */
  static List<AuditEvent> audit(AuditAction action) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT e FROM AuditEvent e WHERE e.action = :action ORDER BY e.id",
                    AuditEvent.class)
                .setParameter("action", action.name())
                .getResultList());
  }

  /** How many rows of {@code entity} have {@code field} equal to {@code value}. */
  static long count(String entity, String field, Object value) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(x) FROM " + entity + " x WHERE x." + field + " = :value",
                    Long.class)
                .setParameter("value", value)
                .getSingleResult());
  }

  /** The demo remote RA's certificate (DER): a remote RA's credential, not an e-gov system's. */
  static byte[] demoRaCertificate() {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(ClientAccount.BY_NAME, ClientAccount.class)
                .setParameter("name", "demo-ra")
                .getSingleResult()
                .getCertificate()
                .getEncoded());
  }
}

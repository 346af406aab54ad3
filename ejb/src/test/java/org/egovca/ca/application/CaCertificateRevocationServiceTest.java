package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.infrastructure.Health;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root revokes a subordinate CA's certificate in a key ceremony ({@link
 * CaCertificateRevocation}): its ARL lists it with reason and time (read and verified by OpenSSL),
 * OCSP answers "revoked" where it answered "good", the directory is told to withdraw it, the CA
 * issues nothing more, and a failure half-way leaves nothing behind. Each test revokes a CA of its
 * own ({@link SubordinateCaFixture}), never the issuing CA the other tests use.
 */
@ExtendWith(ServiceTier.class)
class CaCertificateRevocationServiceTest {

  private static final long CEREMONY = 4711;
  private static final String CUSTODIANS = "custodians:kc1,kc2,kc3";

  @Inject CaCertificateRevocation revocation;
  @Inject CertificateAuthorities authorities;
  @Inject CaConfiguration configuration;
  @Inject IssuedCrls issuedCrls;
  @Inject OcspService ocsp;
  @Inject CertificateIssuer issuer;
  @Inject CertificateProfileCatalogue profiles;
  @Inject CaKeyRollovers rollovers;
  @Inject Health health;

  @TempDir Path dir;

  @Test
  void theRootsArlOcspAndTheDirectoryAgreeThatTheCaIsRevoked() throws Exception {
    String name = unique("RevokedCA-");
    CertificateAuthority ca = SubordinateCaFixture.create(name);
    X509CertificateHolder caCertificate = holder(ca.getEncoded());
    byte[] cachedRequest = ocspRequest(caCertificate.getSerialNumber(), false);
    assertNull(status(ocsp.respond(cachedRequest)), "good before, and now cached");
    assertNull(status(ocsp.respond(ocspRequest(caCertificate.getSerialNumber(), true))));

    CaCertificateRevocationView view =
        ServiceTier.inTransaction(
            em -> revocation.revoke(name, CaRevocationReason.CA_COMPROMISE, CEREMONY, CUSTODIANS));

    assertEquals(List.of(caCertificate.getSerialNumber()), view.revokedSerials());
    X509CRLHolder arl = rootCrl();
    assertEquals(
        BigInteger.valueOf(view.crlNumbers().get(0)),
        ASN1Integer.getInstance(arl.getExtension(Extension.cRLNumber).getParsedValue()).getValue());
    X509CRLEntryHolder entry = arl.getRevokedCertificate(caCertificate.getSerialNumber());
    assertNotNull(entry, "the ARL lists the CA certificate");
    assertEquals(Date.from(view.revokedAt()), entry.getRevocationDate());
    assertEquals(
        CRLReason.cACompromise,
        CRLReason.getInstance(entry.getExtensions().getExtensionParsedValue(Extension.reasonCode))
            .getValue()
            .intValue());
    assertTrue(
        arl.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(TestKeys.BC)
                .build(rootCertificate())));
    verifiedByOpenSsl(arl, caCertificate.getSerialNumber());
    X509CRLHolder delta =
        new X509CRLHolder(issuedCrls.deltaCrl(configuration.rootCaName()).orElseThrow().encoded());
    assertEquals(
        BigInteger.valueOf(view.crlNumbers().get(0)),
        ASN1Integer.getInstance(delta.getExtension(Extension.deltaCRLIndicator).getParsedValue())
            .getValue(),
        "the delta CRL's base is the new ARL");
    assertNotNull(delta.getRevokedCertificate(caCertificate.getSerialNumber()));

    for (byte[] request :
        List.of(cachedRequest, ocspRequest(caCertificate.getSerialNumber(), true))) {
      RevokedStatus revoked = status(ocsp.respond(request));
      assertNotNull(revoked, "OCSP says revoked, the cached good forgotten");
      assertEquals(Date.from(view.revokedAt()), revoked.getRevocationTime());
      assertEquals(CRLReason.cACompromise, revoked.getRevocationReason());
    }

    assertEquals(1L, auditEvents(name));
    assertEquals(1L, directoryWithdrawals(name));
    assertTrue(crlDeliveries(rootCa()) >= 1, "the ARL goes to the directory");
    assertTrue(health.check().revoked().contains(name + " (CA_COMPROMISE)"), "health names the CA");
  }

  @Test
  void aRevokedCaIssuesNothingAndRollsNoKeyOver() {
    String name = unique("StoppedCA-");
    SubordinateCaFixture.create(name);
    String before = unique("Before ");
    issue(name, before);
    assertEquals(1, certificatesNamed(before));

    ServiceTier.inTransaction(
        em -> revocation.revoke(name, CaRevocationReason.CESSATION_OF_OPERATION, CEREMONY, ACTOR));

    String after = unique("After ");
    Refusal refusal =
        refused(RefusalCode.CA_REVOKED, "it issues no more certificates", () -> issue(name, after));
    assertEquals(CertificateAuthority.REVOKED_MESSAGE_KEY, refusal.problems().get(0).key());
    assertEquals(0, certificatesNamed(after), "nothing written");
    refused(
        RefusalCode.CA_REVOKED,
        "was revoked",
        () -> ServiceTier.inTransaction(em -> rollovers.rollOver(name, ACTOR)));
    assertEquals(1, authorities.byName(name).orElseThrow().getKeyIndex(), "no new key");
    refused(
        RefusalCode.CA_REVOKED,
        "were revoked at",
        () ->
            ServiceTier.inTransaction(
                em -> revocation.revoke(name, CaRevocationReason.CA_COMPROMISE, CEREMONY, ACTOR)));
    assertEquals(1L, auditEvents(name), "one revocation only");
  }

  @Test
  void theCertificatesOfEveryKeyOfTheCaAreRevoked() throws Exception {
    String name = unique("RolledCA-");
    X509CertificateHolder first = holder(SubordinateCaFixture.create(name).getEncoded());
    ServiceTier.clock().advance(Duration.ofSeconds(2));
    ServiceTier.inTransaction(em -> rollovers.rollOver(name, ACTOR));
    X509CertificateHolder second = holder(authorities.byName(name).orElseThrow().getEncoded());

    CaCertificateRevocationView view =
        ServiceTier.inTransaction(
            em -> revocation.revoke(name, CaRevocationReason.CA_COMPROMISE, CEREMONY, ACTOR));

    assertEquals(List.of(first.getSerialNumber(), second.getSerialNumber()), view.revokedSerials());
    X509CRLHolder arl = rootCrl();
    assertNotNull(arl.getRevokedCertificate(first.getSerialNumber()));
    assertNotNull(arl.getRevokedCertificate(second.getSerialNumber()));
    assertNotNull(status(ocsp.respond(ocspRequest(first.getSerialNumber(), true))));
    // the two NewWithNew certificates and the two link certificates leave the directory
    assertEquals(4L, directoryWithdrawals(name));
  }

  @Test
  void aRevocationThatCannotIssueTheArlLeavesNothingBehind() throws Exception {
    String name = unique("UnrevokedCA-");
    X509CertificateHolder caCertificate = holder(SubordinateCaFixture.create(name).getEncoded());
    long crlsBefore = crlDeliveries(rootCa());

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      refused(
          RefusalCode.TOKEN_OFFLINE,
          "activation by the key custodians",
          () ->
              ServiceTier.inTransaction(
                  em ->
                      revocation.revoke(name, CaRevocationReason.CA_COMPROMISE, CEREMONY, ACTOR)));
    }

    assertFalse(authorities.byName(name).orElseThrow().isRevoked());
    long revokedCertificates =
        ServiceTier.<Long>inTransaction(
            em ->
                em.createQuery(
                        "SELECT COUNT(r) FROM RevokedCaCertificate r WHERE r.ca.name = :name",
                        Long.class)
                    .setParameter("name", name)
                    .getSingleResult());
    assertEquals(0L, revokedCertificates);
    assertEquals(0L, auditEvents(name));
    assertEquals(0L, directoryWithdrawals(name));
    assertEquals(crlsBefore, crlDeliveries(rootCa()), "no ARL issued");
    assertNull(rootCrl().getRevokedCertificate(caCertificate.getSerialNumber()));
    assertNull(status(ocsp.respond(ocspRequest(caCertificate.getSerialNumber(), true))));
  }

  @Test
  void neitherTheRootNorAnUnknownCaIsRevoked() {
    refused(
        RefusalCode.WRONG_STATE,
        "is a root CA",
        () ->
            ServiceTier.inTransaction(
                em ->
                    revocation.revoke(
                        configuration.rootCaName(),
                        CaRevocationReason.CA_COMPROMISE,
                        CEREMONY,
                        ACTOR)));
    refused(
        RefusalCode.CA_UNAVAILABLE,
        "does not exist",
        () ->
            ServiceTier.inTransaction(
                em ->
                    revocation.revoke(
                        unique("nobody"), CaRevocationReason.CA_COMPROMISE, CEREMONY, ACTOR)));
    refused(
        RefusalCode.INVALID_INPUT,
        "by a key ceremony",
        () ->
            ServiceTier.inTransaction(
                em -> revocation.revoke(configuration.issuingCaName(), null, CEREMONY, ACTOR)));
  }

  private void issue(String caName, String cn) {
    ServiceTier.inTransaction(
        em -> {
          CertificateProfile profile = profiles.require("personal-sign");
          return issuer.issue(
              authorities.byName(caName).orElseThrow(),
              profile,
              new EndEntityContent(
                  SubjectNames.parse("CN=" + cn, profile),
                  TestKeys.spki(TestKeys.sm2KeyPair().getPublic()),
                  List.of(),
                  List.of()),
              ACTOR,
              IssuanceTerms.published());
        });
  }

  /**
   * OpenSSL reads the ARL's entry (serial, "CA Compromise") and checks its SM2 signature with the
   * root's public key over the TBSCertList, since OpenSSL 3.0 applies no SM2 user ID to CRLs.
   */
  private void verifiedByOpenSsl(X509CRLHolder arl, BigInteger serial) throws Exception {
    Files.write(dir.resolve("arl.der"), arl.getEncoded());
    String text =
        OpenSslCommand.run(dir, "crl", "-inform", "DER", "-in", "arl.der", "-noout", "-text");
    // OpenSSL prints whole octets: an odd number of hex digits gets a leading 0
    String hex = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    assertTrue(text.contains("Serial Number: " + (hex.length() % 2 == 0 ? hex : "0" + hex)), text);
    assertTrue(text.contains("CA Compromise"), text);
    Files.write(dir.resolve("tbs.der"), arl.toASN1Structure().getTBSCertList().getEncoded());
    Files.write(dir.resolve("sig.der"), arl.toASN1Structure().getSignature().getOctets());
    Pem.writePublicKey(dir.resolve("root.pem"), rootCertificate().getSubjectPublicKeyInfo());
    String verified =
        OpenSslCommand.run(dir, OpenSslCommand.sm2VerifyArgs("root.pem", "tbs.der", "sig.der"));
    assertTrue(verified.contains("Signature Verified Successfully"), verified);
  }

  /** The revoked status of the one answer, null for good; the signature checked first. */
  private RevokedStatus status(byte[] response) throws Exception {
    OCSPResp answer = new OCSPResp(response);
    assertEquals(OCSPResp.SUCCESSFUL, answer.getStatus());
    BasicOCSPResp basic = (BasicOCSPResp) answer.getResponseObject();
    X509CertificateHolder signer =
        basic.getCerts().length > 0 ? basic.getCerts()[0] : rootCertificate();
    assertTrue(
        basic.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(TestKeys.BC).build(signer)));
    SingleResp single = basic.getResponses()[0];
    Object status = single.getCertStatus();
    assertFalse(
        status instanceof org.bouncycastle.cert.ocsp.UnknownStatus, "the root knows its CA");
    return status instanceof RevokedStatus revoked ? revoked : null;
  }

  /** An OCSP request for the root-issued certificate {@code serial}, with a nonce or cacheable. */
  private byte[] ocspRequest(BigInteger serial, boolean nonce) throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(TestKeys.BC)
                .build()
                .get(CertificateID.HASH_SHA1),
            rootCertificate(),
            serial);
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    if (nonce) {
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  new DEROctetString(
                      new DEROctetString(unique("n").getBytes(StandardCharsets.US_ASCII))
                          .getEncoded()))));
    }
    return builder.build().getEncoded();
  }

  private X509CRLHolder rootCrl() throws Exception {
    return new X509CRLHolder(
        issuedCrls.completeCrl(configuration.rootCaName(), 1).orElseThrow().encoded());
  }

  private CertificateAuthority rootCa() {
    return authorities.byName(configuration.rootCaName()).orElseThrow();
  }

  private X509CertificateHolder rootCertificate() throws Exception {
    return holder(rootCa().getEncoded());
  }

  private static X509CertificateHolder holder(byte[] encoded) throws Exception {
    return new X509CertificateHolder(encoded);
  }

  private static long auditEvents(String caName) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'CA_CERTIFICATE_REVOKED'"
                        + " AND e.target LIKE :name",
                    Long.class)
                .setParameter("name", "%" + caName + "%")
                .getSingleResult());
  }

  private static long directoryWithdrawals(String caName) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(d) FROM Delivery d WHERE d.queue = 'directory'"
                        + " AND d.kind = org.egovca.delivery.domain.DeliveryKind.CA_CERTIFICATE"
                        + " AND d.changeType = org.egovca.delivery.domain.ChangeType.REVOKE"
                        + " AND d.caName = :name",
                    Long.class)
                .setParameter("name", caName)
                .getSingleResult());
  }

  /** The directory's deliveries of the CRLs of {@code ca}. */
  private static long crlDeliveries(CertificateAuthority ca) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(d) FROM Delivery d WHERE d.queue = 'directory'"
                        + " AND d.kind = org.egovca.delivery.domain.DeliveryKind.CRL"
                        + " AND d.caName = :name",
                    Long.class)
                .setParameter("name", ca.getName())
                .getSingleResult());
  }
}

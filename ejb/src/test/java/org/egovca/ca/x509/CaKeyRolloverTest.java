package org.egovca.ca.x509;

import static org.egovca.ca.testing.OpenSslCommand.SM2_DIST_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CA key rollover (R12): after the root and the issuing CA each change key, chains built through
 * either link certificate validate with PKIX (BouncyCastle) and each link verifies with OpenSSL.
 */
class CaKeyRolloverTest {

  @TempDir static Path tokenDirectory;

  private static CertificateAssembler assembler;
  private static CaKeyRollover rollover;
  private static CertificateProfile personalSign;
  private static Instant now;
  private static IssuingCa oldRoot;
  private static IssuingCa oldIssuing;
  private static X509CertificateHolder oldEndEntity;

  @BeforeAll
  static void hierarchyBeforeRollover() {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("t", tokenDirectory, "pin".toCharArray());
    assembler =
        new CertificateAssembler(
            token,
            PkiUrls.of("http://ca.example/pki"),
            "1.2.156.1.2.3",
            new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
    rollover = new CaKeyRollover(token, assembler);
    personalSign = TestProfiles.named("personal-sign");
    CertificateProfile caProfile = TestProfiles.named("ca");
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509CertificateHolder root =
        assembler.rootCa(
            SubjectNames.parse("CN=Rollover Root,C=CN", caProfile),
            "root-1",
            KeyAlgorithm.SM2_256,
            key(token.generateKeyPair("root-1", KeyAlgorithm.SM2_256)),
            now,
            now.plus(Duration.ofDays(3650)));
    oldRoot = new IssuingCa("root", root, "root-1", KeyAlgorithm.SM2_256);
    X509CertificateHolder issuing =
        assembler.subordinateCa(
            oldRoot,
            SubjectNames.parse("CN=Rollover Issuing,C=CN", caProfile),
            key(token.generateKeyPair("issuing-1", KeyAlgorithm.SM2_256)),
            now,
            now.plus(Duration.ofDays(1825)));
    oldIssuing = new IssuingCa("issuing", issuing, "issuing-1", KeyAlgorithm.SM2_256);
    oldEndEntity = endEntity(oldIssuing, "CN=Issued Before Rollover");
  }

  @Test
  void rootRolloverLinksValidateBothWays(@TempDir Path dir) throws Exception {
    CaKeyRollover.Certificates root =
        rollover.rollOver(
            oldRoot, Optional.empty(), "root-2", now, now.plus(Duration.ofDays(3650)));

    // The new key is certified three times under one name, each link signed by the other key.
    assertEquals(root.newWithNew().getSubject(), oldRoot.certificate().getSubject());
    assertArrayEquals(ski(root.newWithNew()), ski(root.newWithOld()));
    assertArrayEquals(ski(oldRoot.certificate()), aki(root.newWithOld()));
    assertArrayEquals(ski(oldRoot.certificate()), ski(root.oldWithNew()));
    assertArrayEquals(ski(root.newWithNew()), aki(root.oldWithNew()));

    // A relying party that already trusts the new root validates what the old key issued ...
    validates(root.newWithNew(), oldEndEntity, oldIssuing.certificate(), root.oldWithNew());
    // ... and one that still trusts the old root validates what the new key issues.
    X509CertificateHolder newIssuing =
        assembler.subordinateCa(
            root.newIssuingCa(),
            SubjectNames.parse("CN=Issuing Under New Root,C=CN", TestProfiles.named("ca")),
            oldIssuing.certificate().getSubjectPublicKeyInfo(),
            now,
            now.plus(Duration.ofDays(365)));
    validates(oldRoot.certificate(), newIssuing, root.newWithOld());
    validates(root.newWithNew(), newIssuing);

    verifiesWithOpenSsl(dir, root.newWithNew(), root.newWithNew());
    verifiesWithOpenSsl(dir, root.newWithNew(), root.oldWithNew());
    verifiesWithOpenSsl(dir, oldRoot.certificate(), root.newWithOld());
  }

  @Test
  void issuingCaRolloverKeepsOldAndNewEndEntitiesValid(@TempDir Path dir) throws Exception {
    CaKeyRollover.Certificates issuing =
        rollover.rollOver(
            oldIssuing, Optional.of(oldRoot), "issuing-2", now, now.plus(Duration.ofDays(1825)));
    X509CertificateHolder newEndEntity =
        endEntity(issuing.newIssuingCa(), "CN=Issued After Rollover");

    validates(oldRoot.certificate(), newEndEntity, issuing.newWithNew());
    validates(oldRoot.certificate(), oldEndEntity, oldIssuing.certificate());
    // Old certificate, new issuing CA certificate: through OldWithNew (self-issued, so the path
    // length constraint 0 of the issuing CA does not count it).
    validates(oldRoot.certificate(), oldEndEntity, issuing.oldWithNew(), issuing.newWithNew());
    // New certificate, old issuing CA certificate: through NewWithOld.
    validates(oldRoot.certificate(), newEndEntity, issuing.newWithOld(), oldIssuing.certificate());

    verifiesWithOpenSsl(dir, oldRoot.certificate(), issuing.newWithNew());
    verifiesWithOpenSsl(dir, issuing.newWithNew(), issuing.oldWithNew());
    verifiesWithOpenSsl(dir, oldIssuing.certificate(), issuing.newWithOld());
    verifiesWithOpenSsl(dir, issuing.newWithNew(), newEndEntity);
  }

  private static X509CertificateHolder endEntity(IssuingCa issuer, String dn) {
    return assembler.endEntity(
        issuer,
        personalSign,
        EndEntityContent.of(
            SubjectNames.parse(dn, personalSign), key(TestKeys.sm2KeyPair().getPublic())),
        SerialNumberGenerator.next(),
        now,
        now.plus(Duration.ofDays(30)));
  }

  /** PKIX path validation, BouncyCastle: {@code path} from the target up to below the anchor. */
  private static void validates(X509CertificateHolder anchor, X509CertificateHolder... path)
      throws Exception {
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder certificate : path) {
      certificates.add(jca(certificate));
    }
    CertPath certPath =
        CertificateFactory.getInstance("X.509", TestKeys.BC).generateCertPath(certificates);
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(jca(anchor), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX", TestKeys.BC).validate(certPath, parameters);
  }

  /** One link with OpenSSL 3 (-vfyopt distid applies to the certificate being verified). */
  private static void verifiesWithOpenSsl(
      Path dir, X509CertificateHolder issuer, X509CertificateHolder certificate) {
    Pem.writeCertificate(dir.resolve("issuer.pem"), issuer);
    Pem.writeCertificate(dir.resolve("certificate.pem"), certificate);
    String output =
        OpenSslCommand.run(
            dir,
            "verify",
            "-vfyopt",
            SM2_DIST_ID,
            "-partial_chain",
            "-CAfile",
            "issuer.pem",
            "certificate.pem");
    assertTrue(output.contains("certificate.pem: OK"), output);
  }

  private static X509Certificate jca(X509CertificateHolder holder) throws Exception {
    return new JcaX509CertificateConverter().setProvider(TestKeys.BC).getCertificate(holder);
  }

  private static byte[] ski(X509CertificateHolder certificate) {
    return SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier();
  }

  private static byte[] aki(X509CertificateHolder certificate) {
    return AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier();
  }

  private static org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key(java.security.PublicKey key) {
    return TestKeys.spki(key);
  }
}

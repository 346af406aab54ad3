package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.bean;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.servicetier.ServiceTier;

/**
 * A subordinate CA of its own under the tier's root, made as the first start makes the issuing CA
 * (an SM2 key in the CA token, a certificate from the root's current key): for the tests that
 * change a CA for good (revoke it, roll its key over), which must leave the CAs every other test
 * issues from as they are.
 */
public final class SubordinateCaFixture {

  private SubordinateCaFixture() {}

  /** A new SM2 CA named {@code name} under the root, valid for a year. */
  public static CertificateAuthority create(String name) {
    return ServiceTier.inTransaction(
        em -> {
          CertificateAuthority root =
              bean(CertificateAuthorities.class)
                  .byName(bean(CaConfiguration.class).rootCaName())
                  .orElseThrow();
          Instant now = ServiceTier.clock().instant().truncatedTo(ChronoUnit.SECONDS);
          Instant notAfter = now.plus(Duration.ofDays(365));
          String alias = name + "-" + now.getEpochSecond();
          PublicKey key = bean(CaToken.class).token().generateKeyPair(alias, KeyAlgorithm.SM2_256);
          X500Name subject = new X500Name("CN=" + name + ",O=Service Tier,C=CN");
          X509CertificateHolder certificate =
              bean(CertificateAssemblers.class)
                  .assembler()
                  .subordinateCa(
                      CertificateAuthorities.asIssuer(root),
                      subject,
                      SubjectPublicKeyInfo.getInstance(key.getEncoded()),
                      now,
                      notAfter);
          CertificateAuthority ca =
              new CertificateAuthority(
                  name,
                  SubjectNames.toDisplayString(subject),
                  root,
                  alias,
                  KeyAlgorithm.SM2_256.name(),
                  certificate.getSerialNumber(),
                  now,
                  notAfter,
                  CertificateAssembler.encode(certificate),
                  now);
          em.persist(ca);
          return ca;
        });
  }
}

package org.egovca.ca.application;

import java.time.Duration;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;

/**
 * What sets one kind of {@link DelegatedSigners delegated signer} apart: how its certificate is
 * made, how its keys are named and when it is replaced.
 *
 * @param profile the certificate profile of its certificates ({@link CertificateProfiles})
 * @param organisationalUnit the OU of its subject
 * @param role what it is, such as {@code OCSP Responder}: its subject's CN after the CA's name, and
 *     its name in the log
 * @param aliasTag the tag of its keys' token aliases ({@link CertificateAuthorities#newKeyAlias})
 * @param renewal the setting for how much must remain of its certificate in force before it is
 *     replaced
 * @param terms the issuance terms of its certificates
 * @param actor who the audit log names as requesting its certificates
 */
record Delegation(
    String profile,
    String organisationalUnit,
    String role,
    String aliasTag,
    Function<CaConfiguration, Duration> renewal,
    IssuanceTerms terms,
    String actor) {

  /** The subject of the signer of the CA named {@code caName}. */
  X500Name subject(String caName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "iFutureCA")
        .addRDN(BCStyle.OU, organisationalUnit)
        .addRDN(BCStyle.CN, caName + " " + role)
        .build();
  }
}

package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.RetiredCaKey;

/** The CA certificates relying parties download (CPS §6.3.1: CA certificate service). */
@Stateless
public class CaCertificates {

  @Inject private CertificateAuthorities certificateAuthorities;

  /** DER of the current certificate of CA {@code caName}. */
  public Optional<byte[]> certificate(String caName) {
    return certificateAuthorities.byName(caName).map(CertificateAuthority::getEncoded);
  }

  /** DER of the certificate of key {@code keyIndex} of CA {@code caName} (1 for its first key). */
  public Optional<byte[]> certificate(String caName, int keyIndex) {
    return certificateAuthorities
        .byName(caName)
        .flatMap(
            ca ->
                ca.getKeyIndex() == keyIndex
                    ? Optional.of(ca.getEncoded())
                    : certificateAuthorities.retiredKeys(ca).stream()
                        .filter(key -> key.getKeyIndex() == keyIndex)
                        .map(RetiredCaKey::getCertificate)
                        .findFirst());
  }

  /** The link certificates of every rollover of CA {@code caName}: NewWithOld, OldWithNew. */
  public Optional<List<byte[]>> rolloverLinks(String caName) {
    return certificateAuthorities
        .byName(caName)
        .map(
            ca -> {
              List<byte[]> links = new ArrayList<>();
              for (RetiredCaKey key : certificateAuthorities.retiredKeys(ca)) {
                links.add(key.getNewWithOld());
                links.add(key.getOldWithNew());
              }
              return links;
            });
  }

  /**
   * The chain from CA {@code caName} up to its root, each as DER, the CA itself first. Each link is
   * the certificate of the parent key that actually signed the one below: after a rollover of the
   * parent that may be a retired key's certificate, which the relying party then reaches through
   * the parent's link certificates.
   */
  public Optional<List<byte[]>> chain(String caName) {
    return certificateAuthorities
        .byName(caName)
        .map(
            ca -> {
              List<byte[]> chain = new ArrayList<>();
              byte[] certificate = ca.getEncoded();
              chain.add(certificate);
              for (CertificateAuthority parent = ca.getParent();
                  parent != null;
                  parent = parent.getParent()) {
                certificate = signerOf(certificate, parent);
                chain.add(certificate);
              }
              return chain;
            });
  }

  /** The certificate of the key of {@code parent} whose identifier {@code certificate} names. */
  private byte[] signerOf(byte[] certificate, CertificateAuthority parent) {
    byte[] authorityKeyId = keyIdentifier(certificate, false);
    for (RetiredCaKey key : certificateAuthorities.retiredKeys(parent)) {
      if (Arrays.equals(authorityKeyId, keyIdentifier(key.getCertificate(), true))) {
        return key.getCertificate();
      }
    }
    return parent.getEncoded();
  }

  private static byte[] keyIdentifier(byte[] certificate, boolean subject) {
    var extensions = CertificateAuthorities.holder(certificate).getExtensions();
    if (subject) {
      var ski = SubjectKeyIdentifier.fromExtensions(extensions);
      return ski == null ? null : ski.getKeyIdentifier();
    }
    var aki = AuthorityKeyIdentifier.fromExtensions(extensions);
    return aki == null ? null : aki.getKeyIdentifier();
  }
}

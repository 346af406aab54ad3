package org.egovca.ca.kmc;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.bouncycastle.asn1.ASN1Encoding;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.EscrowedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.KeyAliasExistsException;
import org.egovca.kmc.protocol.EncryptionKeyPairs;
import org.egovca.kmc.protocol.EnvelopedKeys;

/**
 * The key management centre as an in-process component, standing in for the GM/T 0014 KMC:
 * encryption key pairs are generated here, the private key is escrowed only as an SM2EnvelopedKey
 * under the KMC escrow key (an SM2 key inside the crypto token), and the holder receives it
 * enveloped to the signing public key. The clear private key lives in memory for the duration of
 * one call. Escrow joins the issuing transaction, so no key is escrowed for a certificate that was
 * not issued.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InProcessKeyManagementCenter implements KeyManagementCenter {

  /** Token alias of the KMC's escrow key. */
  static final String ESCROW_KEY_ALIAS = "kmc-escrow";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaToken cryptoToken;

  @Inject private Clock clock;

  @Override
  public EncryptionKey issueEncryptionKey(PublicKey holderSigningKey, String holder) {
    KeyPair encryption = EncryptionKeyPairs.generate(RANDOM);
    byte[] forHolder = envelope(encryption, holderSigningKey);
    byte[] escrowed = envelope(encryption, escrowKey());
    EscrowedKey record =
        new EscrowedKey(
            KeyAlgorithm.SM2_256.name(),
            encryption.getPublic().getEncoded(),
            escrowed,
            ESCROW_KEY_ALIAS,
            holder,
            clock.instant());
    entityManager.persist(record);
    entityManager.flush();
    return new EncryptionKey(record.getId(), encryption.getPublic().getEncoded(), forHolder);
  }

  @Override
  public void bindCertificate(long escrowReference, long certificateId) {
    entityManager
        .find(EscrowedKey.class, escrowReference)
        .certifiedBy(entityManager.find(IssuedCertificate.class, certificateId));
  }

  /** The GM/T 0009 SM2EnvelopedKey of {@code pair} for the holder of {@code recipient}, DER. */
  private static byte[] envelope(KeyPair pair, PublicKey recipient) {
    try {
      return EnvelopedKeys.envelope(pair.getPrivate(), pair.getPublic(), recipient, RANDOM)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an SM2EnvelopedKey", e);
    }
  }

  private PublicKey escrowKey() {
    CryptoToken token = cryptoToken.token();
    if (!token.containsKey(ESCROW_KEY_ALIAS)) {
      try {
        token.generateKeyPair(ESCROW_KEY_ALIAS, KeyAlgorithm.SM2_256);
      } catch (KeyAliasExistsException createdMeanwhile) {
        // another thread made it first; use that one
      }
    }
    return token.publicKey(ESCROW_KEY_ALIAS);
  }
}

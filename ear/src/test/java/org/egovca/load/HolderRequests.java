package org.egovca.load;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 requests of certificate holders, made before the measurement with BouncyCastle (no
 * OpenSSL process per request) so that the client is not what is measured. The CA takes the subject
 * from the RA's subjectDn, not from the request, so a small pool of keys serves any number of
 * certificates with distinct subjects; the server's work per request (parsing, proof of possession,
 * signing) is the same as with a fresh key.
 */
final class HolderRequests {

  private final Provider bc;

  HolderRequests(Provider bc) {
    this.bc = bc;
  }

  /** SM2 requests signed SM3withSM2 with the default user ID, as GM/T 0015 expects. */
  List<String> sm2(int count)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
    generator.initialize(new ECGenParameterSpec("sm2p256v1"));
    return requests(generator, "SM3withSM2", count);
  }

  List<String> rsa2048(int count)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", bc);
    generator.initialize(2048);
    return requests(generator, "SHA256withRSA", count);
  }

  private List<String> requests(KeyPairGenerator generator, String signatureAlgorithm, int count)
      throws OperatorCreationException, IOException {
    List<String> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      KeyPair pair = generator.generateKeyPair();
      byte[] der =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=load holder"), pair.getPublic())
              .build(
                  new JcaContentSignerBuilder(signatureAlgorithm)
                      .setProvider(bc)
                      .build(pair.getPrivate()))
              .getEncoded();
      requests.add(Base64.getEncoder().encodeToString(der));
    }
    return requests;
  }
}

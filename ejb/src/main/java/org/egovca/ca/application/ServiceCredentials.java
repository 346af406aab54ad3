package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ca.x509.PemCertificates;

/**
 * Leaves the files an operator needs after the first start in the data directory: the SM2 CA chain
 * ({@code ca-chain.pem}: issuing CA, then root), the RSA TLS CA certificate HTTPS clients trust
 * ({@code tls-ca.pem}), the server's TLS key store for Payara ({@code tls/server.p12}), the demo
 * remote RA credential ({@code remote-ra.p12}) and the first security administrators' login
 * credentials ({@code operator-<name>.p12}). Each PKCS#12 file is protected by a random password
 * kept beside it in an owner-only file and carries the TLS CA certificate after the key's own.
 */
@Stateless
public class ServiceCredentials {

  static final String CA_CHAIN = "ca-chain.pem";
  static final String TLS_CA = "tls-ca.pem";
  static final String REMOTE_RA_P12 = "remote-ra.p12";
  static final String REMOTE_RA_PASSWORD = "remote-ra.password";
  static final String TLS_P12 = "tls/server.p12";
  static final String FIRST_OPERATOR_NOTE = "first-security-admin.txt";
  static final String TLS_PASSWORD = "tls/server.password";

  @Inject private CaConfiguration configuration;

  /** Writes the SM2 CA certificates, issuing CA first, as PEM. */
  public void writeCaChain(List<byte[]> chain) throws IOException {
    writePem(CA_CHAIN, chain);
  }

  /** Writes the RSA TLS CA certificate as PEM. */
  public void writeTlsCa(byte[] tlsCa) throws IOException {
    writePem(TLS_CA, List.of(tlsCa));
  }

  public void writeServerTls(PrivateKey key, byte[] certificate, byte[] tlsCa) throws IOException {
    writePkcs12(TLS_P12, TLS_PASSWORD, "tls", key, certificate, List.of(tlsCa));
  }

  /**
   * A first security administrator's login credential for the RA console and the admin SOAP service
   * ({@code operator-<name>.p12}), protected by their one-time password, which only the start
   * script's output shows: the file alone, or a copy of the data directory, opens nothing.
   */
  public void writeOperatorCredential(
      String username, PrivateKey key, byte[] certificate, byte[] tlsCa, char[] oneTimePassword)
      throws IOException {
    DataFiles.replaceSecret(
        dataDirectory().resolve("operator-" + username + ".p12"),
        pkcs12(username, key, certificate, List.of(tlsCa), oneTimePassword));
  }

  /**
   * The first security administrators' one-time passwords, in an owner-only file the start script
   * prints once and deletes.
   */
  public void writeFirstAdministratorsNote(Map<String, char[]> oneTimePasswords)
      throws IOException {
    StringBuilder note = new StringBuilder();
    oneTimePasswords.forEach(
        (username, password) ->
            note.append("user name: ")
                .append(username)
                .append("\none-time password: ")
                .append(password)
                .append("\nclient certificate: ")
                .append(dataDirectory().resolve("operator-" + username + ".p12"))
                .append(" (its password is the one-time password)\n\n"));
    DataFiles.replaceSecret(
        dataDirectory().resolve(FIRST_OPERATOR_NOTE),
        note.toString().getBytes(StandardCharsets.UTF_8));
  }

  public void writeDemoRemoteRa(PrivateKey key, byte[] certificate, byte[] tlsCa)
      throws IOException {
    writePkcs12(REMOTE_RA_P12, REMOTE_RA_PASSWORD, "remote-ra", key, certificate, List.of(tlsCa));
  }

  /** The CA's TLS client credential for the KMC's HTTPS listener (kmc-client/tls-client.p12). */
  public void writeKmcClientTls(PrivateKey key, byte[] certificate, byte[] tlsCa)
      throws IOException {
    writePkcs12(
        "kmc-client/tls-client.p12",
        "kmc-client/tls-client.password",
        "kmc-client",
        key,
        certificate,
        List.of(tlsCa));
  }

  private void writePem(String file, List<byte[]> certificates) throws IOException {
    DataFiles.replacePublic(
        dataDirectory().resolve(file),
        PemCertificates.of(certificates.toArray(byte[][]::new))
            .getBytes(StandardCharsets.US_ASCII));
  }

  private void writePkcs12(
      String file,
      String passwordFile,
      String alias,
      PrivateKey key,
      byte[] certificate,
      List<byte[]> caChain)
      throws IOException {
    char[] password = DataFiles.randomPassword();
    try {
      DataFiles.replaceSecret(
          dataDirectory().resolve(file), pkcs12(alias, key, certificate, caChain, password));
      DataFiles.replaceSecret(
          dataDirectory().resolve(passwordFile),
          (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  private static byte[] pkcs12(
      String alias, PrivateKey key, byte[] certificate, List<byte[]> caChain, char[] password)
      throws IOException {
    try {
      List<Certificate> chain = new ArrayList<>();
      chain.add(toJca(certificate));
      for (byte[] ca : caChain) {
        chain.add(toJca(ca));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build the PKCS#12 file of " + alias, e);
    }
  }

  private static Certificate toJca(byte[] encoded) throws GeneralSecurityException, IOException {
    return new JcaX509CertificateConverter()
        .setProvider(BouncyCastle.provider())
        .getCertificate(new X509CertificateHolder(encoded));
  }

  private Path dataDirectory() {
    return configuration.dataDirectory();
  }
}

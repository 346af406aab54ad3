package org.egovca.ca.kmc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.egovca.ca.application.CaConfiguration;

/**
 * The KMC over HTTPS: {@code POST} the DER CARequest to {@code egovca.kmc.url} (by default {@code
 * https://127.0.0.1:<egovca.https.port>/kmc/protocol}, the KMC deployed in the same server), with
 * the CA's TLS client credential (the HTTPS listener demands one) and trusting only the CA's own
 * TLS CA for the KMC's server certificate. Connecting may take 5 seconds, the answer 30
 * (egovca.kmc.timeoutSeconds); a KMC that takes longer is unavailable, and the issuance fails and
 * rolls back.
 */
@ApplicationScoped
public class HttpsKmcTransport implements KmcTransport {

  private static final long MAX_ANSWER_BYTES = 1L << 20;

  @Inject private CaConfiguration configuration;
  @Inject private KmcTlsCredential credential;

  private volatile HttpClient client;

  @Override
  public byte[] exchange(byte[] caRequest) throws KmcUnavailableException {
    URI url = url();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(Long.getLong("egovca.kmc.timeoutSeconds", 30)))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(caRequest))
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new KmcUnavailableException("the KMC at " + url + " cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KmcUnavailableException("interrupted while waiting for the KMC at " + url, e);
    }
    try (InputStream body = response.body()) {
      byte[] answer = body.readNBytes((int) MAX_ANSWER_BYTES + 1);
      if (answer.length > MAX_ANSWER_BYTES) {
        throw new KmcUnavailableException("the KMC at " + url + " answered more than 1 MiB");
      }
      if (response.statusCode() != 200) {
        String reason = new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8);
        throw new KmcUnavailableException(
            "the KMC at "
                + url
                + " refused the request ("
                + response.statusCode()
                + "): "
                + reason.strip());
      }
      return answer;
    } catch (IOException e) {
      throw new KmcUnavailableException("the KMC at " + url + " broke off its answer: " + e, e);
    }
  }

  private URI url() {
    String configured = System.getProperty("egovca.kmc.url");
    return URI.create(
        configured != null
            ? configured
            : "https://127.0.0.1:"
                + System.getProperty("egovca.https.port", "8181")
                + "/kmc/protocol");
  }

  private HttpClient client() throws KmcUnavailableException {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(5))
                  .sslContext(sslContext())
                  .build();
        }
        current = client;
      }
    }
    return current;
  }

  private SSLContext sslContext() throws KmcUnavailableException {
    KmcClientFiles files = new KmcClientFiles(configuration.dataDirectory());
    credential.ensure();
    char[] password = null;
    try (InputStream anchor = Files.newInputStream(files.tlsTrustAnchor());
        InputStream p12 = Files.newInputStream(files.tlsCredential())) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(
          "tls-ca", CertificateFactory.getInstance("X.509").generateCertificate(anchor));
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      password = Files.readString(files.tlsCredentialPassword()).strip().toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(p12, password);
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new KmcUnavailableException(
          "the CA's TLS settings for the KMC (" + files.directory() + ") cannot be read: " + e, e);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }
}

package org.egovca.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom the publisher trusts over {@code ldaps://}: a server whose certificate chains to a trusted
 * CA <em>and names the host the publisher connects to</em>. The Directory API validates the chain
 * but performs no endpoint identification, so without the second check any certificate from a
 * trusted CA, issued to any host, would do, and a machine in between could collect the bind
 * password and then publish certificates of its choosing. The name check is that of RFC 4513 §3.1.3
 * and RFC 6125: an IP address must be an iPAddress subjectAltName; a host name must match a dNSName
 * (a wildcard only as the whole left-most label), or, when the certificate has no dNSName at all,
 * its most specific common name.
 *
 * <p>The trusted CAs are exactly the PEM bundle that {@value
 * DirectoryConfiguration#TRUSTED_CERTIFICATES} names, as {@code TLS_CACERT} does for OpenLDAP's
 * tools; never the JVM's trust store (Payara's), which holds this CA's own RSA TLS CA: it issues
 * TLS server certificates to holders, so one of them for the directory's host name could otherwise
 * take the publisher's connection and its bind password.
 */
final class ServerTrust {

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private ServerTrust() {}

  /**
   * Trust managers for a connection to {@code host}.
   *
   * @param trustedCertificates a PEM file of the trusted certificates; required
   */
  static TrustManager[] forHost(String host, Path trustedCertificates)
      throws IOException, GeneralSecurityException {
    if (trustedCertificates == null) {
      throw new GeneralSecurityException(
          "No trust anchors for ldaps://: set " + DirectoryConfiguration.TRUSTED_CERTIFICATES);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(keyStore(trustedCertificates));
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager chain) {
        return new TrustManager[] {new HostChecking(chain, host)};
      }
    }
    throw new GeneralSecurityException("The JVM offers no X.509 trust manager");
  }

  /**
   * Whether {@code certificate} names {@code host}.
   *
   * @param host a DNS name or an IP address literal, as written in the directory URL
   */
  static boolean names(X509Certificate certificate, String host) {
    String wanted = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    List<String> dnsNames = new ArrayList<>();
    for (List<?> name : alternativeNames(certificate)) {
      int type = (Integer) name.get(0);
      String value = (String) name.get(1);
      if (type == IP_ADDRESS && isIpLiteral(wanted) && sameAddress(value, wanted)) {
        return true;
      }
      if (type == DNS_NAME) {
        dnsNames.add(value);
      }
    }
    if (isIpLiteral(wanted)) {
      return false;
    }
    if (dnsNames.isEmpty()) {
      String commonName = commonName(certificate);
      return commonName != null && matchesDnsName(commonName, wanted);
    }
    return dnsNames.stream().anyMatch(pattern -> matchesDnsName(pattern, wanted));
  }

  private static boolean matchesDnsName(String pattern, String host) {
    String p = trimDot(pattern.toLowerCase(Locale.ROOT));
    String h = trimDot(host.toLowerCase(Locale.ROOT));
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int firstDot = h.indexOf('.');
    return firstDot > 0 && h.substring(firstDot).equals(p.substring(1));
  }

  private static String trimDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      // both are literals, so nothing is looked up
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static Collection<List<?>> alternativeNames(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      return names == null ? List.of() : names;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static String commonName(X509Certificate certificate) {
    try {
      LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
      String found = null;
      // LdapName lists RDNs from the root: the last cn is the most specific
      for (Rdn rdn : subject.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("cn")) {
          found = rdn.getValue().toString();
        }
      }
      return found;
    } catch (InvalidNameException e) {
      return null;
    }
  }

  private static KeyStore keyStore(Path pem) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("trusted-" + index++, certificate);
      }
      if (index == 0) {
        throw new GeneralSecurityException("No certificate in " + pem);
      }
    }
    return store;
  }

  /** Validates the chain with the JVM's trust manager, then checks the host name. */
  private static final class HostChecking extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager chain;
    private final String host;

    HostChecking(X509ExtendedTrustManager chain, String host) {
      this.chain = chain;
      this.host = host;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType)
        throws CertificateException {
      chain.checkServerTrusted(certificates, authType);
      checkHost(certificates);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws CertificateException {
      chain.checkServerTrusted(certificates, authType, socket);
      checkHost(certificates);
    }

    @Override
    public void checkServerTrusted(
        X509Certificate[] certificates, String authType, SSLEngine engine)
        throws CertificateException {
      chain.checkServerTrusted(certificates, authType, engine);
      checkHost(certificates);
    }

    private void checkHost(X509Certificate[] certificates) throws CertificateException {
      if (!names(certificates[0], host)) {
        throw new CertificateException(
            "The directory's certificate ("
                + certificates[0].getSubjectX500Principal().getName()
                + ") does not name "
                + host);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType)
        throws CertificateException {
      throw new CertificateException("The publisher is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("The publisher is a client only");
    }

    @Override
    public void checkClientTrusted(
        X509Certificate[] certificates, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("The publisher is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return chain.getAcceptedIssuers();
    }
  }
}

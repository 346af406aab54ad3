package org.egovca.ca.x509;

import static org.egovca.ca.domain.RefusalCode.INVALID_SUBJECT;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.egovca.ca.domain.Refusal;

/**
 * Parses the subjectAltNames an RA vetted, written {@code DNS:www.example.gov.cn}, {@code
 * IP:10.1.2.3} (or an IPv6 address) and {@code EMAIL:name@example.gov.cn}. Names in the holder's
 * PKCS#10 are ignored, like its subject: only what the RA checked goes into a certificate. Host
 * names are LDH names without wildcards, in lower case.
 */
public final class SubjectAltNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final int MAX_NAMES = 100;

  private SubjectAltNames() {}

  /**
   * A name of {@code content} that designates this CA's own host ({@code hostName}, localhost or a
   * loopback address), in its subjectAltNames or as its common name, if it has one.
   */
  public static Optional<String> namedHost(EndEntityContent content, String hostName) {
    Set<String> own = new HashSet<>(List.of(hostName.toLowerCase(Locale.ROOT), "localhost"));
    for (GeneralName name : content.subjectAltNames()) {
      if (name.getTagNo() == GeneralName.dNSName) {
        String dns = name.getName().toString().toLowerCase(Locale.ROOT);
        if (own.contains(dns)) {
          return Optional.of(dns);
        }
      }
      if (name.getTagNo() == GeneralName.iPAddress) {
        try {
          InetAddress address =
              InetAddress.getByAddress(DEROctetString.getInstance(name.getName()).getOctets());
          if (address.isLoopbackAddress()) {
            return Optional.of(address.getHostAddress());
          }
        } catch (UnknownHostException notAnAddress) {
          // not an address of four or sixteen bytes: nothing of ours
        }
      }
    }
    for (RDN rdn : content.subject().getRDNs(BCStyle.CN)) {
      String cn = IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT);
      if (own.contains(cn)) {
        return Optional.of(cn);
      }
    }
    return Optional.empty();
  }

  public static List<GeneralName> parse(List<String> names) {
    if (names == null) {
      return List.of();
    }
    if (names.size() > MAX_NAMES) {
      throw refused("at most " + MAX_NAMES + " subjectAltNames are accepted");
    }
    List<GeneralName> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      GeneralName generalName = one(name == null ? "" : name.strip());
      if (!seen.add(generalName.toString())) {
        throw refused("subjectAltName '" + name + "' is given twice");
      }
      parsed.add(generalName);
    }
    return parsed;
  }

  private static GeneralName one(String name) {
    int colon = name.indexOf(':');
    String type = colon < 0 ? "" : name.substring(0, colon).toUpperCase(Locale.ROOT);
    String value = colon < 0 ? "" : name.substring(colon + 1).strip();
    switch (type) {
      case "DNS":
        String host = value.toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.length() > 253 || !validHost(host)) {
          throw refused(
              "subjectAltName '"
                  + name
                  + "' is not a host name (letters, digits and hyphens,"
                  + " no wildcard)");
        }
        return new GeneralName(GeneralName.dNSName, host);
      case "IP":
        if (!IPV4.matcher(value).matches() && !value.contains(":")) {
          throw refused("subjectAltName '" + name + "' is not an IPv4 or IPv6 address");
        }
        try {
          return new GeneralName(GeneralName.iPAddress, value);
        } catch (IllegalArgumentException e) {
          throw refused("subjectAltName '" + name + "' is not an IPv4 or IPv6 address");
        }
      case "EMAIL":
        if (!EMAIL.matcher(value).matches()) {
          throw refused("subjectAltName '" + name + "' is not an e-mail address");
        }
        return new GeneralName(GeneralName.rfc822Name, value);
      default:
        throw refused("subjectAltName '" + name + "' must start with DNS:, IP: or EMAIL:");
    }
  }

  private static boolean validHost(String host) {
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static Refusal refused(String message) {
    return new Refusal(INVALID_SUBJECT, message);
  }
}

package org.egovca.ca.x509;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * LDAP URLs of directory entries, for the caRepository access description of CA certificates (GM/T
 * 0015 C.1/C.2). A CA entry sits under the directory base, named by its subject without the country
 * and e-mail attributes, as the LDAP publisher maps it.
 *
 * @param server the directory's public address, for example {@code ldap://ldap.example.gov.cn}
 * @param baseDn the base DN publications go under, for example {@code o=iFutureCA,c=CN}
 */
public record DirectoryUrls(String server, String baseDn) {

  public String entryUrl(X500Name caSubject) {
    RDN[] rdns = caSubject.getRDNs();
    List<String> names = new ArrayList<>();
    for (int i = rdns.length - 1; i >= 0; i--) {
      var type = rdns[i].getFirst().getType();
      if (!type.equals(BCStyle.C) && !type.equals(BCStyle.E)) {
        names.add(
            BCStyle.INSTANCE.oidToDisplayName(type)
                + "="
                + IETFUtils.valueToString(rdns[i].getFirst().getValue()));
      }
    }
    names.add(baseDn);
    return server + "/" + percentEncode(String.join(",", names));
  }

  /**
   * RFC 4516 / RFC 3986: everything but unreserved characters and the DN's own ',' and '=' is
   * percent-encoded as UTF-8, so the URI stays ASCII (it is an IA5String in the certificate).
   */
  private static String percentEncode(String dn) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : dn.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~,=".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}

package org.egovca.ca.x509;

import org.bouncycastle.asn1.x500.X500Name;

/**
 * LDAP URLs of directory entries, for the caRepository access description of CA certificates (GM/T
 * 0015 C.1/C.2). A CA entry sits under the directory base, named by its subject without the
 * country, as the LDAP publisher maps it.
 *
 * @param server the directory's public address, for example {@code ldap://ldap.example.gov.cn}
 * @param baseDn the base DN publications go under, for example {@code o=iFutureCA,c=CN}
 */
public record DirectoryUrls(String server, String baseDn) {

  public String entryUrl(X500Name caSubject) {
    String cn = SubjectNames.toDisplayString(caSubject).replaceAll(",\\s*C=[A-Z]{2}$", "");
    String dn = cn + "," + baseDn;
    // RFC 4516: percent-encode what would end the DN part of the URL; commas and '=' may stay.
    return server + "/" + dn.replace("%", "%25").replace(" ", "%20").replace("?", "%3F");
  }
}

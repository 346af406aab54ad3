/**
 * The LDAP directory publisher: the {@link org.egovca.ca.application.port.CertificatePublisher}
 * adapter that writes CA and holder certificates to an LDAP v3 directory with the Apache Directory
 * LDAP API, together with what it needs and nothing else, namely its configuration (system
 * properties), the mapping from a certificate subject to an entry DN, the entries it creates and
 * the pooled, time-bounded connections it writes through. Code that serves the directory itself
 * belongs in {@code org.egovca.ldap.embedded}, not here.
 */
package org.egovca.ldap;

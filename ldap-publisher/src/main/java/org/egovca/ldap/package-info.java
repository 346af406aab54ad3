/**
 * The LDAP directory publisher: the {@link org.egovca.ca.application.port.CertificatePublisher}
 * adapter that writes CA certificates, holder certificates and CRLs to an LDAP v3 directory, and
 * takes withdrawn certificates out again, with the Apache Directory LDAP API. Publishing is split,
 * as in Dogtag, into the MAPPING of a subject to its entry ({@link org.egovca.ldap.EntryDnMapper}),
 * the PUBLISHING attribute of each item ({@code PublishingAttributes}) and the RULES of what is
 * published and withdrawn ({@code PublishingRules}), all configured by system properties ({@link
 * org.egovca.ldap.DirectoryConfiguration}); around them sit the entries the publisher creates, the
 * value-level writers, and the pooled, time-bounded, host-checked connections it writes through.
 * Code that serves the directory itself belongs in {@code org.egovca.ldap.embedded}, not here.
 */
package org.egovca.ldap;

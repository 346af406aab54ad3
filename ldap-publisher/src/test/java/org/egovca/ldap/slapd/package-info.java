/**
 * A real OpenLDAP master and syncrepl slave for tests ({@link org.egovca.ldap.slapd.SlapdPair}),
 * run from Debian's {@code slapd} on loopback ports, with {@link org.egovca.ldap.slapd.Ldapsearch}
 * to read them as a relying party does, and the directory publication benchmark. Shipped in the
 * module's test jar for the end-to-end tests of the {@code ear} module.
 */
package org.egovca.ldap.slapd;

/**
 * The embedded development directory: an in-memory LDAP v3 server (UnboundID) with the RFC 4523 PKI
 * schema, persisted as an LDIF snapshot in the data directory, and the singleton EJB that runs it
 * while the application is deployed when {@code egovca.ldap.embedded} is true. Production uses an
 * external directory such as OpenLDAP and never loads this package's server; the publisher talks to
 * either only over LDAP and so does not depend on this package.
 */
package org.egovca.ldap.embedded;

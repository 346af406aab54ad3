/**
 * Infrastructure of the core: configuration from server system properties, the database schema
 * migration that runs before anything touches the database, the crypto token the CA keys live in,
 * and the first-start bootstrap that creates the CA hierarchy and the demo credentials.
 */
package org.egovca.ca.infrastructure;

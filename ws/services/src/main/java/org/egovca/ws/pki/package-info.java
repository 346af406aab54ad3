/**
 * Plain HTTP endpoints for relying parties and monitoring under {@code /pki}: health, CA
 * certificates and chains. Thin JAX-RS resources over the {@code ejb} services.
 */
package org.egovca.ws.pki;

/**
 * Between the sync messages ({@link org.egovca.sync.CertificateSync}, {@link
 * org.egovca.sync.CrlSync}) and the JAXB types wsimport generates from the WSDL into {@code
 * org.egovca.sync.ws}: the CA's client writes requests with it, a receiver reads them with it.
 */
package org.egovca.sync.wire;

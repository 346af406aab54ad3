/**
 * The unified certificate and CRL sync interface (CPS §6.3, §7.3; R21, R22): the messages the CA
 * sends to e-gov systems, their canonical payload, the detached CMS signature the CA makes over it
 * and receivers verify, and the SOAP client the CA delivers with.
 *
 * <p>A message is valid by construction: {@link org.egovca.sync.CertificateSync} and {@link
 * org.egovca.sync.CrlSync} reject what the canonical payload could not represent unambiguously, so
 * that the bytes the CA signs are the bytes any receiver rebuilds from the fields it got.
 */
package org.egovca.sync;

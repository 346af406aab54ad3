/**
 * The adapters the delivery queues deliver through: the directory (through the CA core's {@code
 * CertificatePublisher} port) and each e-gov system's unified sync interface (the SOAP client of
 * {@code sync-api}, messages signed by the CA's sync signer). They implement the ports of {@code
 * delivery.application}.
 */
package org.egovca.delivery.infrastructure;

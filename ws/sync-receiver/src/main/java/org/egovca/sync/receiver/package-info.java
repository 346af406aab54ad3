/**
 * The reference receiver of the certificate/CRL sync interface: what an e-gov system does with a
 * message from the CA. The SOAP endpoint ({@link org.egovca.sync.receiver.CertificateSyncEndpoint})
 * only maps between SOAP and {@link org.egovca.sync.receiver.SyncReceiver}, which rebuilds the
 * canonical payload, verifies the signature of the CA's sync signer against the CA's certificates
 * from the trust directory, checks that the message names this receiver's e-gov system as its
 * recipient, checks that the certificate or CRL inside is the CA's and agrees with the fields, and
 * stores the message exactly once. Integrators copy this package and replace {@link
 * org.egovca.sync.receiver.MessageStore} with their own system's update.
 */
package org.egovca.sync.receiver;

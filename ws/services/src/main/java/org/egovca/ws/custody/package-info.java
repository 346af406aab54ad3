/**
 * The key ceremonies from the CA's own machine: {@code ear/bin/egovca ceremony} posts the
 * custodians present and their PINs to {@link org.egovca.ws.custody.CeremonyServlet}, which only
 * answers loopback callers.
 */
package org.egovca.ws.custody;

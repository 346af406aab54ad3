/**
 * The remote RA SOAP service ({@code /ws/RaService}): thin JAX-WS endpoints that take the caller's
 * TLS client certificate and the request, call one {@code ejb} service, and map its refusals to
 * typed SOAP faults.
 */
package org.egovca.ws.ra;

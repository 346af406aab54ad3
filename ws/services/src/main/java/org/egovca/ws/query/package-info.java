/**
 * The query service for e-gov systems (R23): thin JAX-WS endpoints that identify the caller by its
 * TLS client certificate and call one EJB, which scopes the answer to the caller's application unit
 * (R19) and maps refusals to typed faults.
 */
package org.egovca.ws.query;

/**
 * What the SOAP services of the CA share: the caller's credentials from the request and the fault
 * detail ({@link org.egovca.ws.FaultInfo}). Each service has its own package, namespace and fault
 * type: {@code ra} (RaService), {@code admin} (CaAdminService), {@code query} (QueryService); the
 * plain HTTP endpoints are in {@code pki}.
 */
package org.egovca.ws;

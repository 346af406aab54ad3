/**
 * The security administrators' SOAP service ({@code /ws/CaAdminService}, namespace {@code
 * http://egovca.org/ws/admin/v1}): thin JAX-WS endpoints that pass the caller's login certificate
 * and password to the EJB layer, which authenticates, authorises and records requests under dual
 * control; refusals become {@link org.egovca.ws.admin.CaAdminServiceFault}.
 */
package org.egovca.ws.admin;

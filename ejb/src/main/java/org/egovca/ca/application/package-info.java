/**
 * Use-case services of the CA and RA: one method is one container-managed transaction and one audit
 * event, authorisation is checked first, and refusals are {@link org.egovca.ca.domain.Refusal}s
 * whose message tells the operator or RA system what was wrong. Interfaces (SOAP, HTTP, console)
 * call only these services.
 */
package org.egovca.ca.application;

/**
 * The RA console's use cases: operator login and sessions, operator administration, the application
 * workflow, searches and the applicant notices. Every public method of a service here takes the
 * caller's session token, checks the operator's permission first (refusals are audited as denied
 * access) and runs in one container-managed transaction with its audit event.
 */
package org.egovca.ra.application;

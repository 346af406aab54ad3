/**
 * The RA's domain (CPS 6.1.4.1-6.1.4.3, 6.5.1.2, 7.5.1.2): operators and their roles, the rules
 * their passwords and role sets obey, their console sessions, application units, and the
 * applications entry clerks enter and reviewers decide, with documents, history and the notices
 * sent to applicants. Entities here hold their invariants; the services in {@code
 * org.egovca.ra.application} orchestrate them.
 */
package org.egovca.ra.domain;

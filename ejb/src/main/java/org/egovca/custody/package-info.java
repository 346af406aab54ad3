/**
 * Key custody (CPS §6.5.2.1-6.5.2.4, §7.5.1.2 item 2): no single person can use a CA key. A token's
 * activation secret is split among five key custodians, any three of whom activate it together in a
 * key ceremony; every ceremony is recorded for the auditor. This context uses the CA (its token)
 * and the RA (the custodians are operators); neither knows it.
 */
package org.egovca.custody;

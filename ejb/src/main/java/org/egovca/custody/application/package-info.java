/**
 * The key ceremonies: enrolment of a token's five key custodians and activation of the token by
 * three of them ({@link org.egovca.custody.application.KeyCeremonies}), and the start of an
 * installation, which on the embedded default holds the ceremonies with demo custodians ({@link
 * org.egovca.custody.application.CustodyStart}).
 */
package org.egovca.custody.application;

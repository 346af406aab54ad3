/**
 * The RA console (R15-R20): Facelets pages on one template, each backed by a small bean that calls
 * one {@code org.egovca.ra.application} service method and shows what it answers. Every rule lives
 * in the EJB layer; the console only shows it. {@link org.egovca.web.ConsoleFilter} is the gate
 * (two-factor session resumed with the request's client certificate, security headers), {@link
 * org.egovca.web.Feedback} turns refusals into messages next to their fields in the operator's
 * language, {@link org.egovca.web.Language} keeps that language (Chinese by default).
 */
package org.egovca.web;

/**
 * The RA console's JSF backing beans: they only call {@code ejb} services and format what those
 * return; every rule lives in the EJB layer.
 */
package org.egovca.web;

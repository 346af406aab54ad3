/**
 * Ports: what the CA core needs from the outside world, implemented by adapter modules that depend
 * on {@code ejb}, never the other way round (the directory publisher today; sync and notification
 * later). Ports report success or failure so that a caller knows what to retry.
 */
package org.egovca.ca.application.port;

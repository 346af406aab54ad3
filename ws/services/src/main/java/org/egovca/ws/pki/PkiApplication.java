package org.egovca.ws.pki;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the PKI HTTP endpoints at {@code /pki}. */
@ApplicationPath("/pki")
public class PkiApplication extends Application {}

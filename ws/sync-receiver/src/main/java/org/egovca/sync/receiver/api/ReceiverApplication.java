package org.egovca.sync.receiver.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the JSON resources under {@code /api}. */
@ApplicationPath("api")
public class ReceiverApplication extends Application {}

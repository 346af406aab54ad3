package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;

/** One event of the audit log, as the auditor's page shows it. */
public record AuditEntry(Instant at, String actor, String action, String outcome, String detail)
    implements Serializable {}

package org.egovca.sync.receiver;

import java.time.Instant;
import org.egovca.sync.SyncFaultCode;

/**
 * One rejected delivery attempt.
 *
 * @param operation syncCertificate or syncCrl
 * @param messageId the message id as received (possibly malformed; shortened), or null
 * @param caName the CA name as received (possibly malformed; shortened), or null
 */
public record Rejection(
    Instant at,
    String operation,
    String messageId,
    String caName,
    SyncFaultCode code,
    String message) {}

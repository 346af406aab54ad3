package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import org.egovca.ra.domain.DualControlRequest;

/** A dual-control request as the console and the admin SOAP service show it. */
public record DualControlRequestView(
    long id,
    String action,
    String target,
    String summary,
    String requestedBy,
    Instant requestedAt,
    Instant expiresAt,
    String state,
    String decidedBy,
    Instant decidedAt,
    String decisionNote,
    String result)
    implements Serializable {

  static DualControlRequestView of(DualControlRequest request) {
    return new DualControlRequestView(
        request.getId(),
        request.getAction().name(),
        request.getTarget(),
        request.getSummary(),
        request.getRequestedBy().getUsername(),
        request.getRequestedAt(),
        request.getExpiresAt(),
        request.getState().name(),
        request.getDecidedBy() == null ? null : request.getDecidedBy().getUsername(),
        request.getDecidedAt(),
        request.getDecisionNote(),
        request.getResult());
  }
}

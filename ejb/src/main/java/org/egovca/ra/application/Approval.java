package org.egovca.ra.application;

import java.io.Serializable;

/**
 * An approved request and what carrying it out produced: the request (with its public result, such
 * as certificates) and, for the approver's eyes only and only now, a secret such as a one-time
 * password. The secret is never stored.
 */
public record Approval(DualControlRequestView request, String secret) implements Serializable {

  @Override
  public String toString() {
    return "Approval[" + request.id() + " " + request.action() + "]";
  }
}

package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The console's side of dual control: the requests waiting for a second security administrator, and
 * their approval, rejection or withdrawal ({@link DualControl} checks who may do which).
 */
@Stateless
public class Approvals {

  @Inject private ConsoleAccess access;
  @Inject private DualControl dualControl;

  public List<DualControlRequestView> waiting(String token) {
    Operator operator =
        access.require(
            token, Permission.APPROVE_REQUESTS, AuditAction.DUAL_CONTROL_REQUESTS_LISTED, null);
    return dualControl.waiting(operator);
  }

  public DualControlRequestView request(String token, long id) {
    Operator operator =
        access.require(
            token,
            Permission.APPROVE_REQUESTS,
            AuditAction.DUAL_CONTROL_REQUEST_VIEWED,
            "request:" + id);
    return dualControl.find(operator, id);
  }

  public Approval approve(String token, long id, String note) {
    Operator operator =
        access.require(
            token, Permission.APPROVE_REQUESTS, AuditAction.DUAL_CONTROL_APPROVED, "request:" + id);
    return dualControl.approve(operator, id, note);
  }

  public DualControlRequestView reject(String token, long id, String note) {
    Operator operator =
        access.require(
            token, Permission.APPROVE_REQUESTS, AuditAction.DUAL_CONTROL_REJECTED, "request:" + id);
    return dualControl.reject(operator, id, note);
  }

  public DualControlRequestView withdraw(String token, long id) {
    Operator operator =
        access.require(
            token,
            Permission.APPROVE_REQUESTS,
            AuditAction.DUAL_CONTROL_WITHDRAWN,
            "request:" + id);
    return dualControl.withdraw(operator, id);
  }
}

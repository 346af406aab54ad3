package org.egovca.ra.domain;

/** Whether the applicant paid the fee (CPS §6.1.4.2.2: unpaid fees are grounds for rejection). */
public enum FeeStatus {
  PAID,
  WAIVED,
  UNPAID
}

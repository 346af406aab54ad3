package org.egovca.ra.application;

import java.io.Serializable;
import java.util.List;

/**
 * The operator's home page: applications waiting for a decision and rejection notices not yet sent,
 * against the time limits of CPS §6.1.4.2 and §6.1.4.8.5, with counts for the statistics.
 *
 * @param overdue decisions past their limit
 * @param dueSoon decisions due within {@link RaQueries#DUE_SOON}
 * @param waiting all applications waiting for a decision, oldest first
 * @param noticesOverdue rejections whose notice was not sent within 24 hours
 * @param decidedInTime decisions so far made within their limit
 * @param decidedLate decisions so far made after their limit
 */
public record Workload(
    List<ApplicationSummary> overdue,
    List<ApplicationSummary> dueSoon,
    List<ApplicationSummary> waiting,
    List<ApplicationSummary> noticesOverdue,
    long decidedInTime,
    long decidedLate)
    implements Serializable {}

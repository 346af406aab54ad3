package org.egovca.ra.application;

import java.io.Serializable;
import org.egovca.ra.domain.OperatorRole;

/**
 * A new operator account as the security administrator enters it.
 *
 * @param role the operator's one role (CPS §7.5.1.2 item 4)
 * @param applicationUnit code of the unit a UNIT_ADMIN administers; blank for other roles
 * @param certificateRequestPem the operator's PKCS#10 (PEM), made on their own device: the private
 *     key of their login certificate never passes through the CA
 */
public record NewOperator(
    String username,
    String displayName,
    String email,
    OperatorRole role,
    String applicationUnit,
    String certificateRequestPem)
    implements Serializable {}

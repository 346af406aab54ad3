package org.egovca.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Detail of every SOAP fault of the CA ({@code RaServiceFault}, {@code CaAdminServiceFault}, {@code
 * QueryServiceFault}): a stable code a calling system can branch on, and the message for its
 * operator.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "FaultInfo",
    propOrder = {"code", "message", "requestIndex"})
public class FaultInfo {

  private String code;
  private String message;

  /** Of a refused batch: the 0-based position of the request that refused it; otherwise absent. */
  private Integer requestIndex;

  public FaultInfo() {}

  public FaultInfo(String code, String message) {
    this.code = code;
    this.message = message;
  }

  public FaultInfo(String code, String message, Integer requestIndex) {
    this(code, message);
    this.requestIndex = requestIndex;
  }

  public String getCode() {
    return code;
  }

  public String getMessage() {
    return message;
  }

  public Integer getRequestIndex() {
    return requestIndex;
  }
}

package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Detail of an {@link RaServiceFault}: a stable code an RA system can branch on, and the message
 * for its operator.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "RaFaultInfo",
    propOrder = {"code", "message", "requestIndex"})
public class RaFaultInfo {

  private String code;
  private String message;

  /** Of a refused batch: the 0-based position of the request that refused it; otherwise absent. */
  private Integer requestIndex;

  public RaFaultInfo() {}

  public RaFaultInfo(String code, String message) {
    this.code = code;
    this.message = message;
  }

  RaFaultInfo(String code, String message, Integer requestIndex) {
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

package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Base64;
import org.egovca.ca.application.CaKeyRolloverView;

/** The answer of {@code rollOverCaKey}: the certificates of the rollover, base64 DER. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "KeyRollover",
    propOrder = {"caName", "keyGeneration", "newWithNew", "newWithOld", "oldWithNew"})
public class KeyRollover {

  private String caName;
  private int keyGeneration;
  private String newWithNew;
  private String newWithOld;
  private String oldWithNew;

  public KeyRollover() {}

  static KeyRollover of(CaKeyRolloverView view) {
    Base64.Encoder base64 = Base64.getEncoder();
    KeyRollover rollover = new KeyRollover();
    rollover.caName = view.caName();
    rollover.keyGeneration = view.keyGeneration();
    rollover.newWithNew = base64.encodeToString(view.newWithNew());
    rollover.newWithOld = base64.encodeToString(view.newWithOld());
    rollover.oldWithNew = base64.encodeToString(view.oldWithNew());
    return rollover;
  }
}

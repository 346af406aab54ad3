package org.egovca.ca.application;

/** The outcome of a CA key rollover: the new key's index and its three certificates (DER). */
public record CaKeyRolloverView(
    String caName, int keyIndex, byte[] newWithNew, byte[] newWithOld, byte[] oldWithNew) {

  public CaKeyRolloverView {
    newWithNew = newWithNew.clone();
    newWithOld = newWithOld.clone();
    oldWithNew = oldWithNew.clone();
  }

  @Override
  public byte[] newWithNew() {
    return newWithNew.clone();
  }

  @Override
  public byte[] newWithOld() {
    return newWithOld.clone();
  }

  @Override
  public byte[] oldWithNew() {
    return oldWithNew.clone();
  }
}

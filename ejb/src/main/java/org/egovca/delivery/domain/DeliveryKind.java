package org.egovca.delivery.domain;

/** What a delivery carries. */
public enum DeliveryKind {
  /** An end-entity certificate, delivered in its latest state (good, revoked or expired). */
  CERTIFICATE,
  /** A CA certificate, including the link certificates of a key rollover (directory only). */
  CA_CERTIFICATE,
  /** A CRL, complete or delta. */
  CRL
}

package org.egovca.ra.domain;

/**
 * Who received a signing key pair the CA generated on request, in person at the counter (CPS
 * §7.1.3.4 item A: "通过面对面的提交，证书持有者接受载有证书和私钥的介质"): the applicant, or the agent who applied on their
 * behalf (经办人, §6.1.3.2.2), whose identity document the entry clerk checks.
 */
public enum KeyRecipient {
  APPLICANT,
  AGENT
}

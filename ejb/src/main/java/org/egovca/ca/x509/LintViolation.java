package org.egovca.ca.x509;

/** One broken lint rule and what exactly is wrong. */
public record LintViolation(LintRule rule, String detail) {

  @Override
  public String toString() {
    return rule + " (" + rule.requirement() + "): " + detail;
  }
}

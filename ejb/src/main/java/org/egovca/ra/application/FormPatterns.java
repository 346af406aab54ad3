package org.egovca.ra.application;

/**
 * The syntax of contact data on the forms, as constraint patterns: the value may be blank (whether
 * it is required is a constraint of its own) and have spaces around it (the forms trim).
 */
final class FormPatterns {

  static final String EMAIL = "\\s*([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)?\\s*";

  static final String PHONE = "\\s*([0-9+() -]{5,32})?\\s*";

  private FormPatterns() {}
}

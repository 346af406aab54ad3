package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.SubjectAltNames;

/** Checks {@link HostNames}. */
public class HostNamesValidator implements ConstraintValidator<HostNames, String> {

  private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");

  private int max;

  @Override
  public void initialize(HostNames hostNames) {
    max = hostNames.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    List<String> names = generalNames(value);
    if (names.size() > max) {
      return Violations.refuse(context, null, "at most " + max + " host names");
    }
    try {
      SubjectAltNames.parse(names);
      return true;
    } catch (Refusal refused) {
      return Violations.refuse(context, null, refused.getMessage());
    }
  }

  /**
   * The names one per line of {@code text} in the CA's form: {@code IP:} before an address, {@code
   * DNS:} before a host name; blank lines left out.
   */
  public static List<String> generalNames(String text) {
    List<String> names = new ArrayList<>();
    if (text == null) {
      return names;
    }
    for (String line : text.split("\r\n|\r|\n")) {
      String host = line.strip();
      if (!host.isEmpty()) {
        names.add((IP.matcher(host).matches() ? "IP:" : "DNS:") + host);
      }
    }
    return names;
  }
}

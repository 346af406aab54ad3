package org.egovca.ra.application;

import java.io.Serializable;
import org.egovca.ca.domain.ApplicationUnit;

/** An application unit as lists show it. */
public record ApplicationUnitView(String code, String name) implements Serializable {

  static ApplicationUnitView of(ApplicationUnit unit) {
    return new ApplicationUnitView(unit.getCode(), unit.getName());
  }
}

package org.egovca.ra.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * The parameters of a supervised action as they wait for approval: JSON (JSON-B), readable by an
 * auditor in the database, turned back into the same record when the action is carried out.
 */
public final class ActionParameters {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ActionParameters() {}

  static String write(Object parameters) {
    return JSON.toJson(parameters);
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.fromJson(json, type);
    } catch (JsonbException e) {
      throw new IllegalStateException("the stored parameters of a request cannot be read", e);
    }
  }
}

package org.egovca.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The authorisation matrix of {@code docs/AUTHORIZATION.md}: one table per interface, a row per
 * operation, a column per role or kind of caller, a cell saying what that caller may do. The tests
 * compare each cell with what the code decides.
 */
public final class AuthorizationMatrix {

  /** The heading of the console table and of the SOAP table. */
  public static final String CONSOLE = "Console (EJB layer)";

  public static final String SOAP = "SOAP services (deployed EAR, HTTPS with a client certificate)";

  private final Map<String, Table> tables;

  private AuthorizationMatrix(Map<String, Table> tables) {
    this.tables = tables;
  }

  /** One table: its caller columns and, per operation, the cell of each caller. */
  public record Table(List<String> callers, Map<String, Map<String, String>> cells) {

    public String cell(String operation, String caller) {
      return cells.get(operation).get(caller);
    }

    /** The same table with one cell changed: what loosening (or tightening) the matrix means. */
    public Table with(String operation, String caller, String value) {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      cells.forEach((op, row) -> copy.put(op, new LinkedHashMap<>(row)));
      copy.get(operation).put(caller, value);
      return new Table(callers, copy);
    }

    /**
     * Every cell where {@code actual} (operation, caller → cell) differs from this table, and every
     * operation one of them has and the other has not.
     */
    public List<String> mismatches(
        List<String> actualOperations, BiFunction<String, String, String> actual) {
      List<String> problems = new ArrayList<>();
      for (String operation : actualOperations) {
        if (!cells.containsKey(operation)) {
          problems.add(operation + " is not in the matrix: deny by default means it may not exist");
        }
      }
      for (String operation : cells.keySet()) {
        if (!actualOperations.contains(operation)) {
          problems.add(operation + " is in the matrix but not in the code");
          continue;
        }
        for (String caller : callers) {
          String expected = cell(operation, caller);
          String found = actual.apply(operation, caller);
          if (!expected.equals(found)) {
            problems.add(operation + " × " + caller + ": matrix " + expected + ", code " + found);
          }
        }
      }
      return problems;
    }
  }

  /** Reads {@code docs/AUTHORIZATION.md} of the repository the tests run in. */
  public static AuthorizationMatrix fromRepository() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("docs/AUTHORIZATION.md");
      if (Files.isRegularFile(file)) {
        return read(file);
      }
    }
    throw new IllegalStateException("no docs/AUTHORIZATION.md above " + here);
  }

  public static AuthorizationMatrix read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tables under their {@code ## } headings: the first column names the operation in
   * backquotes; columns whose header is not a caller (such as "console") are left out.
   */
  static AuthorizationMatrix parse(List<String> lines) {
    Map<String, Table> tables = new LinkedHashMap<>();
    String heading = null;
    List<String> header = null;
    Map<String, Map<String, String>> cells = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        heading = line.substring(3).strip();
        header = null;
        continue;
      }
      if (!line.startsWith("|") || heading == null) {
        continue;
      }
      List<String> columns = columns(line);
      if (header == null) {
        header = columns;
        cells = new LinkedHashMap<>();
        tables.put(heading, new Table(callers(header), cells));
      } else if (!columns.get(0).startsWith("---")) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String caller : callers(header)) {
          row.put(caller, columns.get(header.indexOf(caller)));
        }
        cells.put(columns.get(0).replace("`", ""), row);
      }
    }
    return new AuthorizationMatrix(tables);
  }

  private static List<String> callers(List<String> header) {
    return header.subList(1, header.size()).stream().filter(c -> !c.equals("console")).toList();
  }

  private static List<String> columns(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.length() - 1);
    List<String> columns = new ArrayList<>();
    for (String column : inner.split("\\|", -1)) {
      columns.add(column.strip());
    }
    return columns;
  }

  public Table table(String heading) {
    Table table = tables.get(heading);
    if (table == null) {
      throw new IllegalStateException("docs/AUTHORIZATION.md has no table '## " + heading + "'");
    }
    return table;
  }
}

package org.egovca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an independent tool (OpenSSL, ldapsearch) and returns what it printed. */
public final class Commands {

  public record Result(int exitCode, String output) {}

  private Commands() {}

  public static Result run(Path directory, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            // a tool that asks for input (a password it was not given) fails instead of waiting
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** Runs and insists on exit code 0. */
  public static String ok(Path directory, String... command)
      throws IOException, InterruptedException {
    Result result = run(directory, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " failed (" + result.exitCode() + "):\n" + result.output());
    }
    return result.output();
  }
}

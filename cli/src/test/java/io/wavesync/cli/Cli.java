package io.wavesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the command in-process with captured output and a fixed clock. */
final class Cli {

  /** The fixed "now" of every run: 2026-03-01T10:00:00Z, Unix seconds 1772359200. */
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  /** The repository's examples directory (set by the build, so tests run from any directory). */
  static final Path EXAMPLES = Path.of(System.getProperty("wavesync.examples", "../examples"));

  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return run(Clock.fixed(NOW, ZoneOffset.UTC), args);
  }

  static Result run(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        WavesyncCommand.commandLine(clock)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static String example(String name) {
    return EXAMPLES.resolve(name).toString();
  }
}

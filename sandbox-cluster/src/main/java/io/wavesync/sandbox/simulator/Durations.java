package io.wavesync.sandbox.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations ({@code 1m30s}, {@code 500ms}, {@code 2h}) and plain seconds ({@code 3}). */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");
  private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

  private Durations() {
  }

  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (SECONDS.matcher(s).matches()) {
      return Optional.of(millis(Double.parseDouble(s) * 1000));
    }
    if (!WHOLE.matcher(s).matches()) {
      return Optional.empty();
    }
    double total = 0;
    Matcher m = PART.matcher(s);
    while (m.find()) {
      double value = Double.parseDouble(m.group(1));
      total += switch (m.group(2)) {
        case "ms" -> value;
        case "s" -> value * 1000;
        case "m" -> value * 60_000;
        default -> value * 3_600_000;
      };
    }
    return Optional.of(millis(total));
  }

  /** Like {@link #parse} but fails with a message naming the input. */
  public static Duration require(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(
        "not a duration: '" + text + "' (use forms like 500ms, 3s, 1m30s)"));
  }

  private static Duration millis(double value) {
    return Duration.ofMillis(Math.round(value));
  }
}

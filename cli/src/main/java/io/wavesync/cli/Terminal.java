package io.wavesync.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether output goes to a terminal that understands ANSI cursor movement, how wide it is, and
 * whether that width was measured (and so may be measured again after a resize).
 * Output that is piped, redirected, or goes to a {@code TERM=dumb} terminal gets plain appended
 * lines instead of a view redrawn in place.
 */
record Terminal(boolean ansi, int width, boolean measured) {

  static final Terminal PLAIN = new Terminal(false, 0);

  /** A terminal of a fixed width, never measured again. */
  Terminal(boolean ansi, int width) {
    this(ansi, width, false);
  }

  private static final int FALLBACK_WIDTH = 80;

  static Terminal detect() {
    Console console = System.console();
    if (console == null || !isTerminal(console)) {
      return PLAIN;
    }
    String term = System.getenv("TERM");
    if (term == null || term.isBlank() || term.equals("dumb")) {
      return PLAIN;
    }
    return new Terminal(true, currentWidth(), true);
  }

  /** The same terminal, with its width read again (the window may have been resized). */
  Terminal refreshed() {
    return measured ? new Terminal(true, currentWidth(), true) : this;
  }

  /**
   * From Java 22 {@code System.console()} is not null for redirected output either; {@code
   * Console.isTerminal()} (Java 22+) then tells. It is looked up reflectively because the command
   * is built for Java 17.
   */
  private static boolean isTerminal(Console console) {
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // Java 17 to 21: a console exists only for a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** {@code $COLUMNS} when exported, else what {@code stty size} says of the terminal. */
  private static int currentWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int c = Integer.parseInt(columns.trim());
        if (c > 0) {
          return c;
        }
      } catch (NumberFormatException e) {
        // fall through to stty
      }
    }
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return FALLBACK_WIDTH;
    }
    try {
      Process p = new ProcessBuilder("stty", "size")
          .redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroy();
        return FALLBACK_WIDTH;
      }
      String[] rowsAndColumns =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      int c = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
      return c > 0 ? c : FALLBACK_WIDTH;
    } catch (IOException | NumberFormatException e) {
      return FALLBACK_WIDTH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FALLBACK_WIDTH;
    }
  }
}

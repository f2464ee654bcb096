package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ResourceResultView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An operation's state for people: a header, one row per resource and hook in the operation's
 * result order, and the log tails of failed hooks.
 */
final class OperationTable {

  /** How many log lines of a failed hook are shown. */
  static final int LOG_LINES = 20;

  private static final String GAP = "  ";
  private static final String NONE = "-";

  private OperationTable() {}

  /** The whole report of {@code status} and {@code sync --wait -o table}. */
  static String render(OperationUpdated u, Function<ResourceResultView, String> duration) {
    List<String> lines = new ArrayList<>(header(u));
    List<String> rows = rows(u, duration, 0);
    if (!rows.isEmpty()) {
      lines.add("");
      lines.addAll(rows);
    }
    lines.addAll(failedHookLogs(u));
    return String.join("\n", lines) + "\n";
  }

  static List<String> header(OperationUpdated u) {
    List<String> lines = new ArrayList<>();
    lines.add("Application:  " + u.application());
    lines.add("Operation:    " + u.operationId());
    lines.add("Phase:        " + phase(u));
    lines.add("Message:      " + oneLine(u.message() == null ? "" : u.message()));
    if (u.revision() != null) {
      lines.add("Revision:     " + u.revision());
    }
    lines.add("Started:      " + u.startedAt());
    // a Running operation may carry the end of a failed attempt whose retry is scheduled
    if (u.phase().isCompleted() && u.finishedAt() != null) {
      lines.add("Finished:     " + u.finishedAt() + " ("
          + RowTimings.format(Duration.between(u.startedAt(), u.finishedAt())) + ")");
    }
    if (u.retryCount() > 0) {
      lines.add("Retries:      " + u.retryCount());
    }
    return lines;
  }

  /** The phase, with the step being run while the operation runs and the dry-run mark. */
  static String phase(OperationUpdated u) {
    StringBuilder sb = new StringBuilder(u.phase().name());
    if (!u.phase().isCompleted() && u.currentPhase() != null) {
      sb.append(" (").append(u.currentPhase());
      if (u.currentWave() != null) {
        sb.append(" wave ").append(u.currentWave());
      }
      sb.append(')');
    }
    if (u.dryRun()) {
      sb.append(" [dry run]");
    }
    return sb.toString();
  }

  /**
   * The column titles and one line per resource, columns aligned; {@code duration} null leaves
   * the DURATION column out. With {@code width > 0} every line is cut to that many characters
   * (MESSAGE is last, so it is the column that gets cut).
   */
  static List<String> rows(
      OperationUpdated u, Function<ResourceResultView, String> duration, int width) {
    if (u.resources().isEmpty()) {
      return List.of();
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(duration == null
        ? new String[] {"SYNC PHASE", "WAVE", "KIND", "NAME", "HOOK", "STATE", "MESSAGE"}
        : new String[] {
          "SYNC PHASE", "WAVE", "KIND", "NAME", "HOOK", "STATE", "DURATION", "MESSAGE"
        });
    for (ResourceResultView r : u.resources()) {
      String hook = r.hookType() == null ? NONE : r.hookType();
      String state = r.hookPhase() == null ? NONE : r.hookPhase().name();
      String message = r.message() == null ? "" : oneLine(r.message());
      String wave = Long.toString(r.wave());
      cells.add(duration == null
          ? new String[] {r.syncPhase().name(), wave, r.kind(), r.name(), hook, state, message}
          : new String[] {
            r.syncPhase().name(), wave, r.kind(), r.name(), hook, state, duration.apply(r), message
          });
    }
    int columns = cells.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : cells) {
      for (int i = 0; i < columns - 1; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : cells) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        sb.append(row[i]);
        if (i < columns - 1) {
          sb.append(" ".repeat(widths[i] - row[i].length())).append(GAP);
        }
      }
      lines.add(cut(sb.toString().stripTrailing(), width));
    }
    return lines;
  }

  /** For each failed hook with a log: its last {@link #LOG_LINES} lines, indented. */
  static List<String> failedHookLogs(OperationUpdated u) {
    List<String> lines = new ArrayList<>();
    for (ResourceResultView r : u.resources()) {
      boolean failed = r.hookPhase() == HookPhase.Failed || r.hookPhase() == HookPhase.Error;
      if (r.hookType() == null || !failed || r.logTail() == null || r.logTail().isBlank()) {
        continue;
      }
      List<String> log = r.logTail().stripTrailing().lines().toList();
      List<String> tail = log.subList(Math.max(0, log.size() - LOG_LINES), log.size());
      lines.add("");
      lines.add("Log of failed " + r.hookType() + " hook " + r.kind() + "/" + r.name()
          + (tail.size() < log.size() ? " (last " + tail.size() + " lines)" : "") + ":");
      for (String l : tail) {
        lines.add("  " + l);
      }
    }
    return lines;
  }

  /** Messages may hold line breaks (a multi-line API error); a table cell may not. */
  static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  static String cut(String line, int width) {
    if (width <= 0 || line.length() <= width) {
      return line;
    }
    // ASCII, so that a terminal without UTF-8 shows it too
    return width <= 3 ? line.substring(0, width) : line.substring(0, width - 3) + "...";
  }
}

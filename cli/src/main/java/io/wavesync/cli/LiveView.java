package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.ResourceResultView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows a followed operation while it runs. On a terminal the view is redrawn in place (ANSI
 * cursor movement): a header with application, operation, phase, message and elapsed time, then
 * one row per resource and hook. Elsewhere (a pipe, a file, {@code TERM=dumb}) it appends one line
 * per change instead, which reads well in CI logs. A quiet view shows nothing and only measures,
 * for {@code --wait}.
 */
final class LiveView {

  private static final String CSI = "\u001b[";
  private static final String HIDE_CURSOR = CSI + "?25l";
  private static final String SHOW_CURSOR = CSI + "?25h";
  private static final String CLEAR_TO_END_OF_LINE = CSI + "K";
  private static final String CLEAR_TO_END_OF_SCREEN = CSI + "J";
  /** Re-reading the terminal width costs a process; once a second is enough to follow resizes. */
  private static final long WIDTH_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;
  private Terminal terminal;
  private final String application;
  private final String operationId;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final RowTimings timings = new RowTimings();
  private OperationUpdated last;
  private String hint;
  private int drawnLines;
  private long widthCheckedAt;
  private String lastOperationLine;
  private final Map<String, String> lastRowLines = new HashMap<>();
  private Thread interruptHook;

  private LiveView(
      PrintWriter out,
      PrintWriter err,
      boolean quiet,
      Terminal terminal,
      String application,
      String operationId,
      LongSupplier nanoTime) {
    this.out = out;
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
    this.application = application;
    this.operationId = operationId;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.widthCheckedAt = startNanos;
  }

  /** The {@code --follow} view, written to {@code out}. */
  static LiveView follow(
      PrintWriter out, PrintWriter err, Terminal terminal, String application, String operationId,
      LongSupplier nanoTime) {
    return new LiveView(out, err, false, terminal, application, operationId, nanoTime);
  }

  /** The {@code --wait} view: measures durations, shows only hints, on {@code err}. */
  static LiveView quiet(PrintWriter err, String application, String operationId,
      LongSupplier nanoTime) {
    return new LiveView(null, err, true, Terminal.PLAIN, application, operationId, nanoTime);
  }

  /** Before the request is published: the first frame, and a note should the user press Ctrl-C. */
  void start() {
    Terminal shownOn = terminal;
    interruptHook = new Thread(() -> {
      // Ctrl-C stops the command, not the operation: say so, and give the cursor back
      if (shownOn.ansi()) {
        System.out.print(SHOW_CURSOR);
        System.out.flush();
      }
      System.err.println(System.lineSeparator() + "stopped following operation " + operationId
          + "; it goes on. See it with: wavesync status " + application);
    }, "wavesync-interrupted");
    Runtime.getRuntime().addShutdownHook(interruptHook);
    if (quiet) {
      return;
    }
    if (terminal.ansi()) {
      out.print(HIDE_CURSOR);
      redraw();
    } else {
      out.println("Following operation " + operationId + " of " + application);
      out.flush();
    }
  }

  void update(OperationUpdated u) {
    long now = nanoTime.getAsLong();
    timings.update(u, now);
    last = u;
    hint = null;
    if (quiet) {
      return;
    }
    if (terminal.ansi()) {
      redraw();
    } else {
      appendChanges(u);
    }
  }

  /** Called between polls: on a terminal the elapsed time and running durations tick on. */
  void tick() {
    if (!quiet && terminal.ansi()) {
      redraw();
    }
  }

  /** Something the user should know while nothing happens (for example: no planner answers). */
  void hint(String message) {
    if (quiet || !terminal.ansi()) {
      PrintWriter w = quiet ? err : out;
      w.println(quiet ? message : prefix() + message);
      w.flush();
    } else {
      hint = message;
      redraw();
    }
  }

  /** The final state: the last frame, then the final line and the logs of failed hooks. */
  void finish(OperationUpdated u) {
    update(u);
    removeInterruptHook();
    if (quiet) {
      return;
    }
    if (terminal.ansi()) {
      out.print(SHOW_CURSOR);
      out.println();
    }
    out.println(Operations.finalLine(u));
    for (String line : OperationTable.failedHookLogs(u)) {
      out.println(line);
    }
    out.flush();
  }

  /** The command ends without a final state (it failed): stop showing the view. */
  void abandon() {
    removeInterruptHook();
    if (!quiet && terminal.ansi()) {
      out.print(SHOW_CURSOR);
      out.println();
      out.flush();
    }
  }

  /** What the DURATION column shows for {@code r}. */
  String duration(ResourceResultView r) {
    return timings.text(r, nanoTime.getAsLong());
  }

  private void removeInterruptHook() {
    if (interruptHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(interruptHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
    interruptHook = null;
  }

  private void redraw() {
    long now = nanoTime.getAsLong();
    if (now - widthCheckedAt > WIDTH_CHECK_NANOS) {
      terminal = terminal.refreshed();
      widthCheckedAt = now;
    }
    // one column less than the width: writing the last column wraps on some terminals, and a
    // wrapped line would break the count of lines to move up
    int width = Math.max(20, terminal.width() - 1);
    List<String> frame = frame(width);
    StringBuilder sb = new StringBuilder();
    if (drawnLines > 0) {
      sb.append('\r').append(CSI).append(drawnLines).append('A');
    }
    for (String line : frame) {
      sb.append(OperationTable.cut(line, width)).append(CLEAR_TO_END_OF_LINE).append('\n');
    }
    sb.append(CLEAR_TO_END_OF_SCREEN);
    out.print(sb);
    out.flush();
    drawnLines = frame.size();
  }

  private List<String> frame(int width) {
    List<String> lines = new ArrayList<>();
    lines.add("Application: " + application + "   Operation: " + operationId);
    if (last == null) {
      lines.add("Phase: (waiting for the planner)   Elapsed: " + elapsed());
    } else {
      lines.add("Phase: " + OperationTable.phase(last) + "   Elapsed: " + elapsed());
      lines.add("Message: " + OperationTable.oneLine(last.message() == null ? "" : last.message()));
    }
    if (hint != null) {
      lines.add(hint);
    }
    if (last != null && !last.resources().isEmpty()) {
      lines.add("");
      lines.addAll(OperationTable.rows(last, this::duration, width));
    }
    return lines;
  }

  private void appendChanges(OperationUpdated u) {
    StringBuilder operation = new StringBuilder(OperationTable.phase(u));
    if (u.message() != null && !u.message().isBlank()) {
      operation.append(": ").append(OperationTable.oneLine(u.message()));
    }
    if (!operation.toString().equals(lastOperationLine) && !u.phase().isCompleted()) {
      // the completed state is the final line, printed once by finish()
      out.println(prefix() + operation);
      lastOperationLine = operation.toString();
    }
    for (ResourceResultView r : u.resources()) {
      String line = rowLine(r);
      String key = RowTimings.key(r);
      if (!line.equals(lastRowLines.get(key))) {
        out.println(prefix() + line);
        lastRowLines.put(key, line);
      }
    }
    out.flush();
  }

  /** {@code PreSync wave -5  Job backup-database  PreSync hook  Succeeded in 1.2s  message}. */
  private String rowLine(ResourceResultView r) {
    StringBuilder sb = new StringBuilder()
        .append(r.syncPhase()).append(" wave ").append(r.wave())
        .append("  ").append(r.kind()).append(' ').append(r.name());
    if (r.hookType() != null) {
      sb.append("  ").append(r.hookType()).append(" hook");
    }
    sb.append("  ").append(r.hookPhase() == null ? "-" : r.hookPhase().name());
    if (r.hookPhase() != null && r.hookPhase().isCompleted()) {
      String d = duration(r);
      if (!d.equals("-")) {
        sb.append(" in ").append(d);
      }
    }
    if (r.message() != null && !r.message().isBlank()) {
      sb.append("  ").append(OperationTable.oneLine(r.message()));
    }
    return sb.toString();
  }

  private String prefix() {
    return String.format("[%7s] ", elapsed());
  }

  private String elapsed() {
    return RowTimings.format(Duration.ofNanos(nanoTime.getAsLong() - startNanos));
  }
}

package io.wavesync.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the driver saw on the topics during a run, and the wave transitions it derives from it,
 * independently of the planner's own metric.
 *
 * <p>A command id is {@code <operationId>/<attempt>/<step>/<call>}: the commands of one planner
 * step share everything but the call number. For every wave command of mode {@code STEP} the
 * <em>trigger</em> is the last observation of the application produced before the step started
 * working towards that wave: before the command itself, or before the cleanup commands (hook
 * finalizer removals, deletions) the same step sent just ahead of it. That is the observation that
 * completed the previous wave (or the validation's {@code WaveApplied} for the first wave). The
 * transition is measured on record timestamps (both set by the producers on this host's clock) and,
 * separately, up to the moment the driver received the command, which adds the command's own
 * Kafka hop.
 */
public final class Timeline {

  /** A command on a wave topic or the cleanup topic. {@code mode} is {@code CLEANUP} for the latter. */
  public record Command(String app, String commandId, String mode, String phase, long wave,
      long producedAt, long receivedAt) {}

  /**
   * An observation: {@code type} is the event type, {@code commandId} set for answers ({@code
   * WaveApplied}, {@code CleanupCompleted}).
   */
  public record Observation(String app, String type, String commandId, long producedAt) {}

  /**
   * One wave transition.
   *
   * @param triggerType the event type of the trigger
   * @param recordMs command record timestamp minus trigger record timestamp
   * @param receivedMs command received by the driver minus trigger record timestamp
   * @param waitMs trigger minus the previous wave's {@code WaveApplied}: the time the previous
   *     wave's hooks and resources took to complete and be observed (the simulator's part), or -1
   *     when there is no previous wave
   * @param applyMs the previous wave's command to its {@code WaveApplied}, or -1
   * @param viaCleanup whether the step removed finalizers or deleted hooks before the command
   * @param cleanupMs for a transition via cleanup commands: the time from the first cleanup
   *     command to the answer of the last ({@code CleanupCompleted}), the cleanup service's part
   *     including its Kafka hops; -1 otherwise
   */
  public record Transition(String app, String commandId, String phase, long wave,
      String triggerType, long recordMs, long receivedMs, long waitMs, long applyMs,
      boolean viaCleanup, long cleanupMs) {}

  private final List<Command> commands = new ArrayList<>();
  private final List<Observation> observations = new ArrayList<>();

  public synchronized void add(Command c) {
    commands.add(c);
  }

  public synchronized void add(Observation o) {
    observations.add(o);
  }

  public synchronized int commandCount() {
    return commands.size();
  }

  /**
   * Every command and observation as CSV ({@code producedAt,receivedAt,app,kind,type,commandId,
   * phase,wave}), in order of production: the raw material for looking at single operations.
   */
  public synchronized String csv() {
    StringBuilder out = new StringBuilder("producedAt,receivedAt,app,kind,type,commandId,phase,wave\n");
    List<String[]> rows = new ArrayList<>();
    for (Command c : commands) {
      rows.add(new String[] {Long.toString(c.producedAt()), Long.toString(c.receivedAt()), c.app(),
          "command", c.mode(), c.commandId(), c.phase(), Long.toString(c.wave())});
    }
    for (Observation o : observations) {
      rows.add(new String[] {Long.toString(o.producedAt()), "", o.app(), "observation", o.type(),
          o.commandId() == null ? "" : o.commandId(), "", ""});
    }
    rows.sort(Comparator.comparingLong(r -> Long.parseLong(r[0])));
    rows.forEach(r -> out.append(String.join(",", r)).append('\n'));
    return out.toString();
  }

  /** Parsed command id. */
  record CommandId(String operationId, int attempt, long step, int call) {
    static CommandId parse(String id) {
      String[] parts = id.split("/");
      if (parts.length < 4) {
        throw new IllegalArgumentException("not a command id: " + id);
      }
      int n = parts.length;
      String op = String.join("/", java.util.Arrays.copyOf(parts, n - 3));
      return new CommandId(op, Integer.parseInt(parts[n - 3]), Long.parseLong(parts[n - 2]),
          Integer.parseInt(parts[n - 1]));
    }

    String stepKey() {
      return operationId + "/" + attempt + "/" + step;
    }
  }

  /** Every {@code STEP} wave command's transition, for the operations accepted by the filter. */
  public synchronized List<Transition> transitions(java.util.function.Predicate<String> operations) {
    Map<String, List<Observation>> byApp = new HashMap<>();
    Map<String, Observation> answers = new HashMap<>();
    for (Observation o : observations) {
      byApp.computeIfAbsent(o.app(), k -> new ArrayList<>()).add(o);
      if (o.commandId() != null) {
        answers.putIfAbsent(o.commandId(), o);
      }
    }
    byApp.values().forEach(l -> l.sort(Comparator.comparingLong(Observation::producedAt)));

    Map<String, List<Command>> bySteps = new HashMap<>();
    Map<String, List<Command>> stepWavesByOperation = new HashMap<>();
    Map<String, CommandId> ids = new HashMap<>();
    for (Command c : commands) {
      CommandId id;
      try {
        id = CommandId.parse(c.commandId());
      } catch (RuntimeException e) {
        continue;
      }
      if (!operations.test(id.operationId())) {
        continue;
      }
      if (ids.putIfAbsent(c.commandId(), id) != null) {
        continue; // a re-sent command: its first copy counts
      }
      bySteps.computeIfAbsent(id.stepKey(), k -> new ArrayList<>()).add(c);
      if ("STEP".equals(c.mode())) {
        stepWavesByOperation.computeIfAbsent(id.operationId() + "/" + id.attempt(),
            k -> new ArrayList<>()).add(c);
      }
    }
    bySteps.values().forEach(l -> l.sort(Comparator.comparingInt(c -> ids.get(c.commandId()).call())));
    stepWavesByOperation.values().forEach(l -> l.sort(
        Comparator.comparingLong((Command c) -> ids.get(c.commandId()).step())
            .thenComparingInt(c -> ids.get(c.commandId()).call())));

    List<Transition> out = new ArrayList<>();
    for (List<Command> waves : stepWavesByOperation.values()) {
      Command previous = null;
      for (Command c : waves) {
        CommandId id = ids.get(c.commandId());
        List<Command> step = bySteps.get(id.stepKey());
        int index = step.indexOf(c);
        Command start = c;
        boolean viaCleanup = false;
        for (int i = index - 1; i >= 0 && "CLEANUP".equals(step.get(i).mode()); i--) {
          start = step.get(i);
          viaCleanup = true;
        }
        long cleanupMs = -1;
        if (viaCleanup) {
          Observation lastAnswer = answers.get(step.get(index - 1).commandId());
          if (lastAnswer != null) {
            cleanupMs = lastAnswer.producedAt() - start.producedAt();
          }
        }
        Observation trigger = lastAtOrBefore(byApp.get(c.app()), start.producedAt());
        if (trigger != null) {
          long wait = -1;
          long apply = -1;
          if (previous != null) {
            Observation answer = answers.get(previous.commandId());
            if (answer != null) {
              apply = answer.producedAt() - previous.producedAt();
              wait = trigger.producedAt() - answer.producedAt();
            }
          }
          out.add(new Transition(c.app(), c.commandId(), c.phase(), c.wave(), trigger.type(),
              c.producedAt() - trigger.producedAt(), c.receivedAt() - trigger.producedAt(), wait,
              apply, viaCleanup, cleanupMs));
        }
        previous = c;
      }
    }
    return out;
  }

  /** The last observation produced at or before {@code at}, from a list sorted by time. */
  static Observation lastAtOrBefore(List<Observation> sorted, long at) {
    if (sorted == null) {
      return null;
    }
    int lo = 0;
    int hi = sorted.size() - 1;
    Observation found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).producedAt() <= at) {
        found = sorted.get(mid);
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

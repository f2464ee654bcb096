package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Side effects answered asynchronously (spec Appendix B). A step runs against the journal of its
 * calls: a call already answered returns its recorded answer; the first unanswered call suspends
 * the step ({@link Suspended}). The caller sends the call's command, and once the answer arrives
 * records it and replays the step from the start with the same inputs and the same {@code now}.
 * Because a step is deterministic, the replay repeats the same calls in the same order, so the step
 * never gets past (and never selects the next wave while) a side effect that is still outstanding.
 */
public final class JournalIo implements SyncIo {

  /** A side effect the step asked for. */
  public sealed interface Call permits RunTasksCall, RemoveFinalizersCall, DeleteCall, GetCall {}

  public record RunTasksCall(RunTasksRequest request) implements Call {}

  public record RemoveFinalizersCall(List<KubeObject> objects) implements Call {}

  /** A deletion; {@code reason} says why ({@code SyncIo.REASON_*}), null when not said. */
  public record DeleteCall(List<KubeObject> objects, String propagationPolicy, String reason)
      implements Call {
    public DeleteCall(List<KubeObject> objects, String propagationPolicy) {
      this(objects, propagationPolicy, null);
    }
  }

  public record GetCall(List<KubeObject> objects) implements Call {}

  /**
   * A call and its answer ({@code null} while outstanding): a {@link RunTasksResult}, or a map of
   * per-object errors/lookups as the {@link SyncIo} methods return them.
   */
  public record Entry(int seq, Call call, Object answer) {
    public boolean answered() {
      return answer != null;
    }
  }

  /** The calls of one step in progress, and the clock reading the step started with. */
  public record Journal(Instant now, List<Entry> entries) {
    public Journal {
      entries = List.copyOf(entries);
    }

    public static Journal start(Instant now) {
      return new Journal(now, List.of());
    }

    /** Records the answer of call {@code seq}. */
    public Journal answer(int seq, Object answer) {
      List<Entry> out = new ArrayList<>(entries);
      Entry e = out.get(seq);
      if (!e.answered()) {
        out.set(seq, new Entry(seq, e.call(), answer));
      }
      return new Journal(now, out);
    }

    public Entry outstanding() {
      return entries.stream().filter(e -> !e.answered()).findFirst().orElse(null);
    }
  }

  /** Thrown out of the step when it reaches an unanswered call. */
  public static final class Suspended extends RuntimeException {
    private final Journal journal;
    private final Entry entry;
    private final boolean newCall;

    Suspended(Journal journal, Entry entry, boolean newCall) {
      super("waiting for " + entry.call().getClass().getSimpleName() + " #" + entry.seq(), null,
          false, false);
      this.journal = journal;
      this.entry = entry;
      this.newCall = newCall;
    }

    /** The journal including the call the step waits for. */
    public Journal journal() {
      return journal;
    }

    public Entry entry() {
      return entry;
    }

    /** True when the call was made for the first time (its command must be sent). */
    public boolean newCall() {
      return newCall;
    }
  }

  private final Journal journal;
  private int next;

  public JournalIo(Journal journal) {
    this.journal = journal;
  }

  @SuppressWarnings("unchecked")
  private <T> T call(Call c) {
    int seq = next++;
    if (seq < journal.entries().size()) {
      Entry e = journal.entries().get(seq);
      if (!sameKind(e.call(), c)) {
        throw new IllegalStateException("step diverged from its journal at call #" + seq
            + ": recorded " + e.call().getClass().getSimpleName() + ", now "
            + c.getClass().getSimpleName());
      }
      if (!e.answered()) {
        // the call as made now: only answers need to be kept, calls are made again on replay
        throw new Suspended(journal, new Entry(seq, c, null), false);
      }
      return (T) e.answer();
    }
    List<Entry> entries = new ArrayList<>(journal.entries());
    Entry e = new Entry(seq, c, null);
    entries.add(e);
    throw new Suspended(new Journal(journal.now(), entries), e, true);
  }

  private static boolean sameKind(Call a, Call b) {
    return a.getClass() == b.getClass();
  }

  @Override
  public RunTasksResult runTasks(RunTasksRequest request) {
    return call(new RunTasksCall(request));
  }

  @Override
  public Map<ResourceKey, String> removeHookFinalizers(List<KubeObject> live) {
    return call(new RemoveFinalizersCall(List.copyOf(live)));
  }

  @Override
  public Map<ResourceKey, ApiException> delete(List<KubeObject> objects, String propagationPolicy) {
    return call(new DeleteCall(List.copyOf(objects), propagationPolicy));
  }

  @Override
  public Map<ResourceKey, ApiException> delete(
      List<KubeObject> objects, String propagationPolicy, String reason) {
    return call(new DeleteCall(List.copyOf(objects), propagationPolicy, reason));
  }

  @Override
  public Map<ResourceKey, Lookup> get(List<KubeObject> objects) {
    return call(new GetCall(List.copyOf(objects)));
  }

  /** Answers a call with a synchronous {@link SyncIo}: handy for tests and in-process execution. */
  public static Object answerWith(Call call, SyncIo io) {
    if (call instanceof RunTasksCall c) {
      return io.runTasks(c.request());
    }
    if (call instanceof RemoveFinalizersCall c) {
      return io.removeHookFinalizers(c.objects());
    }
    if (call instanceof DeleteCall c) {
      return io.delete(c.objects(), c.propagationPolicy());
    }
    return io.get(((GetCall) call).objects());
  }
}

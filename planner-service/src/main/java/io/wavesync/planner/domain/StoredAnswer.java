package io.wavesync.planner.domain;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.JournalIo;
import io.wavesync.engine.sync.RunTasksResult;
import io.wavesync.engine.sync.SyncIo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of one side effect as it is stored with the application's record (a step's calls are
 * made again on replay, so only answers are kept). Converts to the engine's answer types.
 */
public record StoredAnswer(Kind kind, RunTasksResult runTasks, List<Outcome> outcomes) {

  public enum Kind {
    RUN_TASKS,
    REMOVE_FINALIZERS,
    DELETE,
    GET
  }

  /**
   * Per-object outcome: done (no error), not found, or failed with an HTTP code and message; for
   * reads the object found.
   */
  public record Outcome(ResourceKey key, boolean notFound, Integer code, String error, KubeObject object) {}

  public StoredAnswer {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  public static Kind kindOf(JournalIo.Call call) {
    if (call instanceof JournalIo.RunTasksCall) {
      return Kind.RUN_TASKS;
    }
    if (call instanceof JournalIo.RemoveFinalizersCall) {
      return Kind.REMOVE_FINALIZERS;
    }
    if (call instanceof JournalIo.DeleteCall) {
      return Kind.DELETE;
    }
    return Kind.GET;
  }

  /** The engine's answer for this kind of call. */
  public Object toEngine() {
    switch (kind) {
      case RUN_TASKS:
        return runTasks;
      case REMOVE_FINALIZERS: {
        Map<ResourceKey, String> errors = new HashMap<>();
        for (Outcome o : outcomes) {
          if (o.error() != null && !o.notFound()) {
            errors.put(o.key(), o.error());
          }
        }
        return errors;
      }
      case DELETE: {
        Map<ResourceKey, ApiException> errors = new HashMap<>();
        for (Outcome o : outcomes) {
          if (o.notFound()) {
            errors.put(o.key(), ApiException.notFound(o.error() == null ? "not found" : o.error()));
          } else if (o.error() != null) {
            errors.put(o.key(), new ApiException(o.code() == null ? 500 : o.code(), o.error()));
          }
        }
        return errors;
      }
      default: {
        Map<ResourceKey, SyncIo.Lookup> found = new HashMap<>();
        for (Outcome o : outcomes) {
          if (o.object() != null) {
            found.put(o.key(), SyncIo.Lookup.found(o.object()));
          } else if (o.notFound()) {
            found.put(o.key(), SyncIo.Lookup.notFound());
          } else {
            found.put(o.key(), SyncIo.Lookup.failed(
                new ApiException(o.code() == null ? 500 : o.code(), o.error())));
          }
        }
        return found;
      }
    }
  }

  /** Builds an answer from per-object outcomes. */
  public static StoredAnswer of(Kind kind, List<Outcome> outcomes) {
    return new StoredAnswer(kind, null, new ArrayList<>(outcomes));
  }
}

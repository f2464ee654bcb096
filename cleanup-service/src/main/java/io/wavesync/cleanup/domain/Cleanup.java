package io.wavesync.cleanup.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.kubernetes.KubeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a cleanup command's actions in order: hook finalizer removals, deletions and direct
 * reads. Every action is idempotent (a missing object counts as done), and one action's failure
 * never stops the others; whether a command's SyncFail follow-up may start depends only on its
 * deletions.
 */
public final class Cleanup {

  private Cleanup() {}

  /** What to do to one object. */
  public enum Kind {
    REMOVE_FINALIZER,
    DELETE,
    LOOKUP
  }

  /** How an action ended. */
  public enum Outcome {
    DONE,
    /** The object was already gone, which is as good as done. */
    NOT_FOUND,
    FAILED
  }

  /** One action. */
  public record Action(Kind kind, KubeRef ref) {}

  /**
   * How one action ended.
   *
   * @param message what happened, or the API's message on failure
   * @param object for a lookup that found the object: the object as read
   * @param httpStatus the HTTP status of a failure, null when there was no response
   */
  public record Result(Action action, Outcome outcome, String message, ObjectNode object,
      Integer httpStatus) {

    public static Result done(Action action, String message) {
      return new Result(action, Outcome.DONE, message, null, null);
    }

    public static Result found(Action action, String message, ObjectNode object) {
      return new Result(action, Outcome.DONE, message, object, null);
    }

    public static Result notFound(Action action, String message) {
      return new Result(action, Outcome.NOT_FOUND, message, null, null);
    }

    public static Result failed(Action action, String message, Integer httpStatus) {
      return new Result(action, Outcome.FAILED, message, null, httpStatus);
    }

    public boolean succeeded() {
      return outcome != Outcome.FAILED;
    }
  }

  /** The cluster calls; each answers with a result and never throws for an API refusal. */
  public interface Cluster {

    Result removeHookFinalizer(Action action);

    Result delete(Action action, String propagationPolicy);

    Result lookup(Action action);
  }

  /**
   * What the command did.
   *
   * @param results one per action, in the command's order
   */
  public record Report(List<Result> results) {

    /** Every deletion ended deleted or already gone: a SyncFail follow-up may start. */
    public boolean deletionsSucceeded() {
      return results.stream().filter(r -> r.action().kind() == Kind.DELETE)
          .allMatch(Result::succeeded);
    }
  }

  /** Carries out the actions in order. */
  public static Report run(List<Action> actions, String propagationPolicy, Cluster cluster) {
    List<Result> results = new ArrayList<>();
    for (Action action : actions) {
      results.add(runOne(action, propagationPolicy, cluster));
    }
    return new Report(List.copyOf(results));
  }

  private static Result runOne(Action action, String propagationPolicy, Cluster cluster) {
    try {
      return switch (action.kind()) {
        case REMOVE_FINALIZER -> cluster.removeHookFinalizer(action);
        case DELETE -> cluster.delete(action, propagationPolicy);
        case LOOKUP -> cluster.lookup(action);
      };
    } catch (RuntimeException e) {
      // one broken action (or a bug) fails that action only, with what is known about it
      return Result.failed(action, e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage(), null);
    }
  }
}

package io.wavesync.engine.sync;

/**
 * A change to one task's result produced while applying a step.
 *
 * @param record whether the result is recorded (the validation dry run records only failures)
 * @param liveGone the live object turned out to be gone (BeforeHookCreation delete answered NotFound)
 * @param uid uid of the applied object, "" if unknown
 * @param generation metadata.generation of the applied object, 0 if unknown
 */
public record TaskUpdate(
    String resultKey,
    ResultCode status,
    OperationPhase phase,
    String message,
    boolean record,
    boolean liveGone,
    String uid,
    long generation) {

  public static TaskUpdate result(String key, ResultCode status, OperationPhase phase, String msg) {
    return new TaskUpdate(key, status, phase, msg, true, false, "", 0);
  }

  public static TaskUpdate liveGone(String key) {
    return new TaskUpdate(key, null, null, "", false, true, "", 0);
  }
}

package io.wavesync.events.payload;

/**
 * The result of one task of a wave command.
 *
 * @param resultKey the task's {@link WaveTask#resultKey()}
 * @param ref the object the task acted on
 * @param resultCode the sync result; absent when the task did not get that far (pending)
 * @param hookPhase the hook's phase after the apply; absent for non-hooks
 * @param message what happened, kubectl style or the API's message
 * @param uid the object's UID after the apply, when it exists
 * @param generation the object's generation after the apply, when it exists
 * @param liveGone the live object was already gone when the runner got to it
 * @param deletionRequested the runner asked the API server to delete the object
 */
public record TaskOutcome(
    String resultKey,
    ObjectRef ref,
    ResultCode resultCode,
    HookPhase hookPhase,
    String message,
    String uid,
    Long generation,
    boolean liveGone,
    boolean deletionRequested) {

  public TaskOutcome {
    Fields.requiredText(resultKey, "resultKey");
    Fields.required(ref, "ref");
    Fields.optionalText(uid, "uid");
    Fields.nonNegative(generation, "generation");
  }
}

package io.wavesync.events.payload;

/**
 * One thing the cleanup service does to one object.
 *
 * @param action what to do
 * @param ref the object; with a UID whenever the planner knows it, so that a newer object of the
 *     same name is left alone
 * @param reason why, for the record: {@code HookSucceeded}, {@code HookFailed}, {@code
 *     BeforeHookCreation}, {@code Terminate}, ...
 */
public record CleanupAction(CleanupActionType action, ObjectRef ref, String reason) {

  public CleanupAction {
    Fields.required(action, "action");
    Fields.required(ref, "ref");
    Fields.optionalText(reason, "reason");
  }
}

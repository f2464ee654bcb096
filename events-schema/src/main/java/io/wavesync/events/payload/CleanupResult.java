package io.wavesync.events.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of one cleanup action.
 *
 * @param action the action carried out
 * @param ref the object
 * @param outcome done, already gone, or failed
 * @param message what happened
 * @param object for {@link CleanupActionType#LOOKUP}: the object as read (metadata and status);
 *     returned as a copy
 */
public record CleanupResult(
    CleanupActionType action,
    ObjectRef ref,
    CleanupOutcome outcome,
    String message,
    ObjectNode object,
    Integer httpStatus) {

  public CleanupResult {
    Fields.required(action, "action");
    Fields.required(ref, "ref");
    Fields.required(outcome, "outcome");
    object = Fields.copy(object);
  }

  /** A copy of the object read by a lookup, or null. */
  @Override
  public ObjectNode object() {
    return Fields.copy(object);
  }
}

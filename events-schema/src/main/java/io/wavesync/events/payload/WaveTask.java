package io.wavesync.events.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One object a phase runner applies or prunes within a wave.
 *
 * @param resultKey the planner's key for this task's result, echoed in the runner's outcome
 * @param phase the task's sync phase
 * @param wave the task's sync wave (may be negative, as in Argo CD)
 * @param hook the object is a hook
 * @param hookTypes the hook's types (see {@link Vocabulary#HOOK_TYPES}); empty for non-hooks
 * @param deletePolicies the hook's delete policies (see {@link Vocabulary#DELETE_POLICIES})
 * @param target the full manifest to apply; required for {@link TaskAction#APPLY}, absent for
 *     prunes. Returned as a copy: the runner may change its copy (labels, annotations) freely
 * @param live the live object, if there is one; required for {@link TaskAction#PRUNE}
 * @param action apply or prune
 * @param pruneMode how to prune; required for {@link TaskAction#PRUNE}, absent otherwise
 * @param deleteBeforeCreation delete the live object first (delete policy BeforeHookCreation)
 * @param skipDryRun skip this task when validating (its kind may come from a CRD of this sync)
 * @param strategy how to apply; absent reads as {@link ApplyStrategy#defaults()}
 */
public record WaveTask(
    String resultKey,
    SyncPhase phase,
    long wave,
    boolean hook,
    List<String> hookTypes,
    List<String> deletePolicies,
    ObjectNode target,
    LiveRef live,
    TaskAction action,
    PruneMode pruneMode,
    boolean deleteBeforeCreation,
    boolean skipDryRun,
    ApplyStrategy strategy,
    boolean pending,
    boolean pruneNeedsConfirmation,
    ResultCode syncStatus) {

  public WaveTask {
    Fields.requiredText(resultKey, "resultKey");
    Fields.required(phase, "phase");
    hookTypes = Fields.list(hookTypes, "hookTypes");
    for (int i = 0; i < hookTypes.size(); i++) {
      Vocabulary.oneOf(hookTypes.get(i), Vocabulary.HOOK_TYPES, "hookTypes[" + i + "]");
    }
    deletePolicies = Fields.list(deletePolicies, "deletePolicies");
    for (int i = 0; i < deletePolicies.size(); i++) {
      Vocabulary.oneOf(
          deletePolicies.get(i), Vocabulary.DELETE_POLICIES, "deletePolicies[" + i + "]");
    }
    Fields.required(action, "action");
    if (action == TaskAction.APPLY) {
      checkManifest(Fields.required(target, "target"));
      if (pruneMode != null) {
        throw InvalidFieldException.invalid("pruneMode", "only prune tasks have a prune mode");
      }
    } else {
      Fields.required(live, "live");
      Fields.required(pruneMode, "pruneMode");
    }
    target = Fields.copy(target);
    strategy = strategy == null ? ApplyStrategy.defaults() : strategy;
  }

  /** A copy of the manifest to apply, or null for a prune. */
  @Override
  public ObjectNode target() {
    return Fields.copy(target);
  }

  // The same shape the JSON Schema asks of a target: enough for the runner to address the object.
  private static void checkManifest(ObjectNode target) {
    if (!target.path("apiVersion").isTextual() || target.path("apiVersion").asText().isBlank()) {
      throw InvalidFieldException.missing("target.apiVersion");
    }
    if (!target.path("kind").isTextual() || target.path("kind").asText().isBlank()) {
      throw InvalidFieldException.missing("target.kind");
    }
    JsonNode metadata = target.path("metadata");
    if (!metadata.isObject()) {
      throw InvalidFieldException.missing("target.metadata");
    }
    if (!metadata.path("name").isTextual() && !metadata.path("generateName").isTextual()) {
      throw InvalidFieldException.missing("target.metadata.name");
    }
  }
}

package io.wavesync.engine.sync;

import io.wavesync.engine.model.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * The persisted result of one task (spec §5.3), keyed by {@link #resultKey()}. Besides upstream's
 * fields it keeps what wavesync needs between steps: the wave, the generation and uid of the applied
 * object (wavesync decision 6), when the task started running (decision 7) and the hook's log tail
 * (decision 8).
 *
 * @param status result code, null when only an error was recorded
 * @param hookType the phase a hook ran in; null for non-hooks
 * @param hookPhase the task state; null = pending
 */
public record ResourceResult(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    SyncPhase syncPhase,
    ResultCode status,
    OperationPhase hookPhase,
    String message,
    SyncPhase hookType,
    long wave,
    List<String> images,
    long appliedGeneration,
    String uid,
    Instant runningSince,
    String logTail) {

  public ResourceResult {
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    namespace = namespace == null ? "" : namespace;
    message = message == null ? "" : message;
    images = images == null ? List.of() : List.copyOf(images);
    uid = uid == null ? "" : uid;
  }

  public ResourceKey key() {
    return new ResourceKey(group, kind, namespace, name);
  }

  public String resultKey() {
    return resultKey(key(), syncPhase);
  }

  public static String resultKey(ResourceKey key, SyncPhase phase) {
    return key + ":" + phase;
  }

  public boolean isHook() {
    return hookType != null;
  }

  ResourceResult with(ResultCode status, OperationPhase hookPhase, String message) {
    return new ResourceResult(group, version, kind, namespace, name, syncPhase, status, hookPhase,
        message, hookType, wave, images, appliedGeneration, uid, runningSince, logTail);
  }

  public ResourceResult withApplied(String uid, long generation) {
    return new ResourceResult(group, version, kind, namespace, name, syncPhase, status, hookPhase,
        message, hookType, wave, images, generation, uid, runningSince, logTail);
  }

  public ResourceResult withRunningSince(Instant since) {
    return new ResourceResult(group, version, kind, namespace, name, syncPhase, status, hookPhase,
        message, hookType, wave, images, appliedGeneration, uid, since, logTail);
  }

  public ResourceResult withLogTail(String tail) {
    return new ResourceResult(group, version, kind, namespace, name, syncPhase, status, hookPhase,
        message, hookType, wave, images, appliedGeneration, uid, runningSince, tail);
  }
}

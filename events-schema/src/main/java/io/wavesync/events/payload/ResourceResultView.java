package io.wavesync.events.payload;

import java.util.List;

/**
 * One resource of an operation as users see it (the rows of {@code wavesync status}).
 *
 * @param group API group; empty for the core group
 * @param version API version
 * @param kind object kind
 * @param namespace namespace; absent for cluster-scoped objects
 * @param name object name
 * @param status the sync result; absent while the resource has not been synced yet
 * @param message the last message about the resource
 * @param hookType the hook type, for hooks (see {@link Vocabulary#HOOK_TYPES})
 * @param hookPhase the hook's phase, for hooks
 * @param syncPhase the phase the resource belongs to
 * @param wave the wave the resource belongs to
 * @param logTail the end of a hook's log, at most {@link LogTail#MAX_BYTES} bytes (longer text is
 *     cut to its end)
 * @param images the container images of the resource's pod template, if it has one
 */
public record ResourceResultView(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    ResultCode status,
    String message,
    String hookType,
    HookPhase hookPhase,
    SyncPhase syncPhase,
    long wave,
    String logTail,
    List<String> images) {

  public ResourceResultView {
    group = group == null ? "" : group;
    Fields.requiredText(version, "version");
    Fields.requiredText(kind, "kind");
    Fields.optionalText(namespace, "namespace");
    Fields.requiredText(name, "name");
    Vocabulary.oneOf(hookType, Vocabulary.HOOK_TYPES, "hookType");
    Fields.required(syncPhase, "syncPhase");
    logTail = LogTail.keepLast(logTail);
    images = Fields.list(images, "images");
  }
}

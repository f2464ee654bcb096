package io.wavesync.events.payload;

/**
 * How a phase runner applies one target manifest.
 *
 * @param method the Kubernetes call; absent reads as {@link ApplyMethod#APPLY}
 * @param serverSide use server-side apply with wavesync's field manager
 * @param force force the apply (server-side: take over conflicting fields; otherwise delete and
 *     recreate an object whose update is rejected)
 * @param validate let the API server validate the object (kubectl's {@code --validate})
 */
public record ApplyStrategy(
    ApplyMethod method, boolean serverSide, boolean force, boolean validate) {

  public ApplyStrategy {
    method = method == null ? ApplyMethod.APPLY : method;
  }

  /** Client-side apply with validation, the default for every task. */
  public static ApplyStrategy defaults() {
    return new ApplyStrategy(ApplyMethod.APPLY, false, false, true);
  }
}

package io.wavesync.events.payload;

/** How a sync treats hooks, as Argo CD's {@code syncStrategy}. */
public enum SyncStrategy {
  /** Run hooks and waves (the default). */
  HOOK,
  /** Apply every resource at once and ignore hooks, as {@code kubectl apply} would. */
  APPLY
}

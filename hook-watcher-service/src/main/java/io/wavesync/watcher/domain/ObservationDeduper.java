package io.wavesync.watcher.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers what was last emitted per object, so that informer resyncs and repeated events of the
 * same resource version produce no second observation, and a deletion is reported once.
 *
 * <p>State changes only after an observation was sent ({@link #emitted}, {@link #deleted}): an
 * observation that could not be sent is tried again on the next event or resync. Thread-safe.
 */
public final class ObservationDeduper {

  private final Map<String, String> lastResourceVersion = new HashMap<>();
  private final RecentUids deletedUids;

  /**
   * @param rememberedDeletions how many deleted UIDs to remember
   */
  public ObservationDeduper(int rememberedDeletions) {
    this.deletedUids = new RecentUids(rememberedDeletions);
  }

  /** Whether a change of {@code uid} to {@code resourceVersion} has not been emitted yet. */
  public synchronized boolean isNewChange(String uid, String resourceVersion) {
    if (deletedUids.contains(uid)) {
      // a late event of an object already reported deleted would resurrect it downstream
      return false;
    }
    String last = lastResourceVersion.get(uid);
    return last == null || !last.equals(resourceVersion);
  }

  /** Records that the change of {@code uid} to {@code resourceVersion} was emitted. */
  public synchronized void emitted(String uid, String resourceVersion) {
    if (!deletedUids.contains(uid)) {
      lastResourceVersion.put(uid, resourceVersion == null ? "" : resourceVersion);
    }
  }

  /** Whether the deletion of {@code uid} has not been emitted yet. */
  public synchronized boolean isNewDeletion(String uid) {
    return !deletedUids.contains(uid);
  }

  /** Records that the deletion of {@code uid} was emitted. */
  public synchronized void deleted(String uid) {
    lastResourceVersion.remove(uid);
    deletedUids.add(uid);
  }

  /** How many live objects have an emitted state. */
  public synchronized int tracked() {
    return lastResourceVersion.size();
  }

  /** Forgets everything, as a restart would. */
  public synchronized void clear() {
    lastResourceVersion.clear();
    deletedUids.clear();
  }
}

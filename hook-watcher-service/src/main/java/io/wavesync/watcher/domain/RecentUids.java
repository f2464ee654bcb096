package io.wavesync.watcher.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of object UIDs that forgets the oldest entries beyond a bound. UIDs are never reused, so
 * forgetting one only matters if that object produces events again after a very long time; the
 * bound keeps a watcher that runs for months from growing without limit.
 */
final class RecentUids {

  private final Map<String, Boolean> uids;

  RecentUids(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.uids =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  boolean contains(String uid) {
    return uids.containsKey(uid);
  }

  /** Adds {@code uid}; false if it was already there. */
  boolean add(String uid) {
    return uids.put(uid, Boolean.TRUE) == null;
  }

  void remove(String uid) {
    uids.remove(uid);
  }

  int size() {
    return uids.size();
  }

  void clear() {
    uids.clear();
  }
}

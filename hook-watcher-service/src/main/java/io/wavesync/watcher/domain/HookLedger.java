package io.wavesync.watcher.domain;

import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;

/**
 * The hooks whose completion has been reported. A hook is reported once per UID: a restart relists
 * every object, and a second {@code HookCompleted} for a hook whose pods are gone by then would
 * carry no logs. The ledger is therefore seeded from the {@code HookCompleted} events already on
 * the observations topic before the informers start. Thread-safe.
 */
public final class HookLedger {

  private final RecentUids completed;

  /**
   * @param capacity how many completed hook UIDs to remember
   */
  public HookLedger(int capacity) {
    this.completed = new RecentUids(capacity);
  }

  public synchronized boolean isCompleted(String uid) {
    return completed.contains(uid);
  }

  /** Records that the completion of {@code uid} was reported. */
  public synchronized void completed(String uid) {
    completed.add(uid);
  }

  /** Forgets {@code uid}: its object is gone and produces no further events. */
  public synchronized void forget(String uid) {
    completed.remove(uid);
  }

  /** Learns from an event read back from the observations topic. */
  public synchronized void learn(Observation observation) {
    if (observation instanceof HookCompleted done && done.ref().uid() != null) {
      completed.add(done.ref().uid());
    }
  }

  public synchronized int size() {
    return completed.size();
  }

  public synchronized void clear() {
    completed.clear();
  }
}

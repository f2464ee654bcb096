package io.wavesync.watcher.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives what the informers see, as plain JSON objects. Must not block. */
public interface ObjectEvents {

  /** An object was added, changed, or replayed by a resync or a relist. */
  void changed(ObjectNode object);

  /** An object was deleted; {@code last} is its last known state. */
  void deleted(ObjectNode last);
}

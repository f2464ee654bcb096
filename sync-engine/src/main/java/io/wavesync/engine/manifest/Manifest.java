package io.wavesync.engine.manifest;

import io.wavesync.engine.model.KubeObject;
import java.util.Objects;

/**
 * A Kubernetes object loaded from a manifest, with where it came from.
 *
 * @param object the object
 * @param source the file (or source name) it was read from
 * @param document 1-based index of the YAML document in the source (always 1 for JSON)
 * @param line 1-based line where the object starts (for an item of a List, the item's own line)
 */
public record Manifest(KubeObject object, String source, int document, int line) {

  public Manifest {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(source, "source");
  }

  /** {@code <source>: document <n> (line <l>)}, the prefix of loader messages. */
  public String location() {
    return ManifestException.Problem.location(source, document, line);
  }
}

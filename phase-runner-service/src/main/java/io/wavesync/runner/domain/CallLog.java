package io.wavesync.runner.domain;

import io.wavesync.engine.model.ResourceKey;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Kubernetes calls of one wave did, per object, beyond what the engine's {@code
 * TaskUpdate} carries: the resource version of a written object, the HTTP status of a refusal, and
 * which deletions were requested. Calls of one kind group run concurrently, so it is thread-safe.
 */
public final class CallLog {

  /**
   * An object as the API server returned it after a write.
   *
   * @param name its name (the API server picks it for a {@code generateName} object)
   * @param uid its UID, "" when unknown (dry run of a new object)
   * @param generation its {@code metadata.generation}, 0 when it has none
   * @param resourceVersion its resource version, null when unknown (dry run of a new object)
   */
  public record Written(String name, String uid, long generation, String resourceVersion) {}

  private final Map<ResourceKey, Written> written = new ConcurrentHashMap<>();
  private final Map<ResourceKey, Integer> refusals = new ConcurrentHashMap<>();
  private final Set<ResourceKey> deletions = ConcurrentHashMap.newKeySet();

  public void written(ResourceKey key, Written object) {
    written.put(key, object);
  }

  /** The API refused a call on the object; {@code status} 0 means no request was sent. */
  public void refused(ResourceKey key, int status) {
    refusals.put(key, status);
  }

  public void deleted(ResourceKey key) {
    deletions.add(key);
  }

  public Optional<Written> written(ResourceKey key) {
    return Optional.ofNullable(written.get(key));
  }

  /** The HTTP status of the last refusal, if a request was sent and refused. */
  public OptionalInt refusalStatus(ResourceKey key) {
    Integer status = refusals.get(key);
    return status == null || status <= 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  public boolean deletionRequested(ResourceKey key) {
    return deletions.contains(key);
  }
}

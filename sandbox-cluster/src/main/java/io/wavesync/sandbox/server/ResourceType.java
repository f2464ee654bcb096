package io.wavesync.sandbox.server;

import java.util.List;

/**
 * One kind the sandbox API server knows: enough to answer discovery, name things in Status messages
 * the way a real API server does, and decide which writes may touch {@code .status}.
 *
 * @param group API group, empty for the core group
 * @param hasStatus whether the kind has a status subresource, so that writes to the main resource
 *     keep the stored status
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    boolean hasStatus,
    List<String> shortNames,
    List<String> categories) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The name kubectl and the API server use in messages, for example {@code jobs.batch}. */
  public String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The collection path in a namespace, or cluster-wide when {@code namespace} is null. */
  public String collectionPath(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    if (namespaced && namespace != null) {
      return prefix + "/namespaces/" + namespace + "/" + plural;
    }
    return prefix + "/" + plural;
  }

  public String objectPath(String namespace, String name) {
    return collectionPath(namespace) + "/" + name;
  }
}

package io.wavesync.sandbox.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;

/** One entry of the store: its index attributes and its JSON. */
public record StoredObject(AttributeSet attributes, String json) {

  public String group() {
    String api = value(KubernetesAttributesExtractor.API);
    return api == null ? "" : api;
  }

  public String version() {
    return value(KubernetesAttributesExtractor.VERSION);
  }

  public String plural() {
    return value(KubernetesAttributesExtractor.PLURAL);
  }

  public String namespace() {
    return value(KubernetesAttributesExtractor.NAMESPACE);
  }

  public String name() {
    return value(KubernetesAttributesExtractor.NAME);
  }

  /** The object's path on the API server. */
  public String path() {
    String prefix = group().isEmpty() ? "/api/" + version() : "/apis/" + group() + "/" + version();
    String ns = namespace();
    return (ns == null ? prefix : prefix + "/namespaces/" + ns) + "/" + plural() + "/" + name();
  }

  private String value(String key) {
    Attribute attribute = attributes.getAttribute(key);
    if (attribute == null || attribute.getValues().isEmpty()) {
      return null;
    }
    Object value = attribute.getValues().iterator().next();
    return value == null ? null : value.toString();
  }
}

package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The JSON mapper of the sandbox, configured for the Kubernetes model like the client's. */
public final class Json {

  public static final ObjectMapper MAPPER = configured();

  private Json() {
  }

  private static ObjectMapper configured() {
    ObjectMapper mapper = new ObjectMapper();
    // Registers the Kubernetes model's modules and settings on the mapper.
    new KubernetesSerialization(mapper, false);
    return mapper;
  }
}

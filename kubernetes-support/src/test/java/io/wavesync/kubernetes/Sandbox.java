package io.wavesync.kubernetes;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;

/** Objects and waits for the tests that run against the sandbox cluster. */
final class Sandbox {

  /** Generous, for a busy machine; no test asserts on elapsed time. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Sandbox() {}

  static ConditionFactory eventually() {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50));
  }

  static ConfigMap configMap(String namespace, String name, List<String> finalizers) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withFinalizers(finalizers)
        .endMetadata()
        .addToData("key", "value")
        .build();
  }

  static Job job(String namespace, String name, List<String> finalizers) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withFinalizers(finalizers)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1.36")
        .withCommand("true")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}

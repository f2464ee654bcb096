package io.wavesync.sandbox;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;

import static org.awaitility.Awaitility.await;

/** Builders and waits shared by the sandbox tests. */
final class Fixtures {

  /** Generous: the machine running the tests may be busy; nothing asserts on elapsed time. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Fixtures() {
  }

  static ConditionFactory eventually() {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100));
  }

  static Job job(String namespace, String name, List<String> command) {
    return job(namespace, name, command, Map.of());
  }

  static Job job(String namespace, String name, List<String> command,
      Map<String, String> annotations) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1.36")
        .withCommand(command)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Optional<JobCondition> condition(Job job, String type) {
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  static boolean hasCondition(Job job, String type) {
    return condition(job, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}

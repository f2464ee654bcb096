package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DeleteCountersTest {

  @Test
  void deletionsAreCountedByServiceKindPolicyAndResult() {
    MeterRegistry registry = new SimpleMeterRegistry();
    DeleteCounters deletes = new DeleteCounters(registry, "cleanup-service");
    deletes.deleted("Job", "HookSucceeded", DeleteCounters.RESULT_DELETED);
    deletes.deleted("Job", "HookSucceeded", DeleteCounters.RESULT_DELETED);
    deletes.deleted("Job", "HookFailed", DeleteCounters.RESULT_NOT_FOUND);
    deletes.deleted("Pod", null, DeleteCounters.RESULT_FAILED);

    assertThat(registry.get("wavesync.deletes").tag("service", "cleanup-service").tag("kind", "Job")
        .tag("policy", "HookSucceeded").tag("result", "Deleted").counter().count()).isEqualTo(2);
    assertThat(registry.get("wavesync.deletes").tag("policy", "HookFailed")
        .tag("result", "NotFound").counter().count()).isEqualTo(1);
    // a command that did not say why is still counted, under a bounded value
    assertThat(registry.get("wavesync.deletes").tag("kind", "Pod").tag("policy", "Unknown")
        .tag("result", "Failed").counter().count()).isEqualTo(1);
    assertThat(registry.find("wavesync.deletes").counters()).hasSize(3);
  }
}

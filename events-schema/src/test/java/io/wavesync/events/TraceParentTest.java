package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  @Test
  void aNewRootIsAValidSampledTraceparentWithFreshIds() {
    Set<String> traces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String tp = TraceParent.newRoot();
      assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(TraceParent.isValid(tp)).isTrue();
      traces.add(TraceParent.traceId(tp).orElseThrow());
    }
    assertThat(traces).hasSize(100);
  }

  @Test
  void readsTheIdsOfAValidValueAndRejectsInvalidOnes() {
    String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assertThat(TraceParent.traceId(tp)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(TraceParent.parentSpanId(tp)).contains("00f067aa0ba902b7");
    assertThat(TraceParent.isValid(null)).isFalse();
    assertThat(TraceParent.isValid("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isFalse();
    assertThat(TraceParent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01"))
        .isFalse();
    assertThat(TraceParent.isValid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .isFalse();
    assertThat(TraceParent.traceId("garbage")).isEmpty();
  }
}

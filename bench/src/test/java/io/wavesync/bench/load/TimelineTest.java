package io.wavesync.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static Timeline.Command wave(String id, String phase, long wave, long at) {
    return new Timeline.Command("app", id, "STEP", phase, wave, at, at + 3);
  }

  @Test
  void aTransitionRunsFromTheLastObservationBeforeTheStepToTheNextWavesCommand() {
    Timeline t = new Timeline();
    t.add(new Timeline.Command("app", "op/0/0/0", "VALIDATE", "PreSync", 0, 0, 2));
    t.add(new Timeline.Observation("app", "WaveApplied", "op/0/0/0", 20));
    t.add(wave("op/0/0/1", "PreSync", 0, 25));
    t.add(new Timeline.Observation("app", "WaveApplied", "op/0/0/1", 60));
    t.add(new Timeline.Observation("app", "HealthObserved", null, 300));
    // the step that finishes wave 0 first removes the hook finalizer, then sends wave 1
    t.add(new Timeline.Command("app", "op/0/2/0", "CLEANUP", "", -1, 304, 306));
    t.add(new Timeline.Observation("app", "CleanupCompleted", "op/0/2/0", 315));
    t.add(wave("op/0/2/1", "PreSync", 1, 318));

    List<Timeline.Transition> transitions = t.transitions(op -> true);
    assertThat(transitions).hasSize(2);
    Timeline.Transition first = transitions.get(0);
    assertThat(first.triggerType()).isEqualTo("WaveApplied");
    assertThat(first.recordMs()).isEqualTo(5);
    assertThat(first.viaCleanup()).isFalse();
    Timeline.Transition second = transitions.get(1);
    assertThat(second.triggerType()).isEqualTo("HealthObserved");
    assertThat(second.viaCleanup()).isTrue();
    assertThat(second.recordMs()).isEqualTo(18);
    assertThat(second.receivedMs()).isEqualTo(21);
    assertThat(second.cleanupMs()).isEqualTo(11);
    assertThat(second.applyMs()).isEqualTo(35);
    assertThat(second.waitMs()).isEqualTo(240);
  }

  @Test
  void operationsOutsideTheFilterAndResentCommandsAreNotCounted() {
    Timeline t = new Timeline();
    t.add(new Timeline.Observation("app", "WaveApplied", "op/0/0/0", 10));
    t.add(wave("op/0/0/1", "Sync", 0, 12));
    t.add(wave("op/0/0/1", "Sync", 0, 10_012));
    t.add(new Timeline.Observation("other", "WaveApplied", "x/0/0/0", 10));
    t.add(new Timeline.Command("other", "x/0/0/1", "STEP", "Sync", 0, 15, 16));
    List<Timeline.Transition> transitions = t.transitions("op"::equals);
    assertThat(transitions).singleElement().satisfies(tr -> assertThat(tr.recordMs()).isEqualTo(2));
  }

  @Test
  void theLastObservationAtOrBeforeATimeIsFoundInASortedList() {
    List<Timeline.Observation> sorted = List.of(
        new Timeline.Observation("a", "X", null, 10), new Timeline.Observation("a", "Y", null, 20),
        new Timeline.Observation("a", "Z", null, 20), new Timeline.Observation("a", "W", null, 30));
    assertThat(Timeline.lastAtOrBefore(sorted, 5)).isNull();
    assertThat(Timeline.lastAtOrBefore(sorted, 20).type()).isEqualTo("Z");
    assertThat(Timeline.lastAtOrBefore(sorted, 29).type()).isEqualTo("Z");
    assertThat(Timeline.lastAtOrBefore(sorted, 99).type()).isEqualTo("W");
  }
}

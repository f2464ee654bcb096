package io.wavesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import org.junit.jupiter.api.Test;

/** The step benchmarks' states reach the situations they are meant to measure, repeatably. */
class StepBenchmarkTest {

  private static final int RESOURCES = 2_000;

  @Test
  void firstStepValidatesAndAppliesTheFirstWave() {
    StepBenchmark.FirstStep s = new StepBenchmark.FirstStep();
    s.resources = RESOURCES;
    s.setUp();

    OperationState state = new StepBenchmark().firstStep(s);

    assertThat(state.phase()).isEqualTo(OperationPhase.Running);
    assertThat(state.results()).isNotEmpty();
    assertThat(state.message()).startsWith("waiting for");
  }

  @Test
  void midOperationStepCompletesTheLastWaveAndAppliesTheNextOneEveryTime() {
    StepBenchmark.MidOperation s = new StepBenchmark.MidOperation();
    s.resources = RESOURCES;
    s.setUp();
    int before = s.input.state().results().size();

    OperationState first = new StepBenchmark().midOperationStep(s);
    OperationState second = new StepBenchmark().midOperationStep(s);

    assertThat(s.steps).isGreaterThan(1);
    assertThat(first.phase()).isEqualTo(OperationPhase.Running);
    assertThat(first.results().size()).isGreaterThan(before);
    // the frozen cluster and the immutable input make every invocation do the same work
    assertThat(second).isEqualTo(first);
  }
}

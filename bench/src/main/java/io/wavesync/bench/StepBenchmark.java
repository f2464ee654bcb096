package io.wavesync.bench;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.Plan;
import io.wavesync.engine.sync.SyncContext;
import io.wavesync.engine.sync.SyncSettings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of the sync engine on the same application, against a synchronous in-memory cluster in
 * which every call succeeds: the first step (validation dry run of every task, then the first wave)
 * and a step in the middle of the operation.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StepBenchmark {

  static SyncSettings settings() {
    return SyncSettings.builder()
        .namespace(SyntheticApplication.NAMESPACE)
        .revision(SyntheticApplication.REVISION)
        .build();
  }

  /** A new operation: no results, nothing live yet. */
  @State(Scope.Benchmark)
  public static class FirstStep {

    @Param("10000")
    int resources;

    SyncContext.Input input;
    InMemoryCluster cluster;

    @Setup
    public void setUp() {
      List<KubeObject> targets =
          SyntheticApplication.generate(resources, SyntheticApplication.SEED).objects();
      Instant start = SyntheticApplication.STARTED_AT;
      input = new SyncContext.Input(
          targets, List.of(), OperationState.started(start), settings(), start);
      cluster = InMemoryCluster.recording().frozen();
    }
  }

  /**
   * The operation half way: it has been stepped, wave by wave, until half of the tasks have a
   * result; everything applied so far is live and healthy, so the step records the last wave's
   * results, removes hook finalizers and applies the next wave.
   */
  @State(Scope.Benchmark)
  public static class MidOperation {

    @Param("10000")
    int resources;

    SyncContext.Input input;
    InMemoryCluster cluster;
    /** Steps it took to get here. */
    int steps;

    @Setup
    public void setUp() {
      List<KubeObject> targets =
          SyntheticApplication.generate(resources, SyntheticApplication.SEED).objects();
      SyncSettings settings = settings();
      Instant start = SyntheticApplication.STARTED_AT;
      int tasks = Plan.of(targets, SyntheticApplication.NAMESPACE, SyntheticApplication.REVISION,
          start).tasks().size();

      InMemoryCluster recording = InMemoryCluster.recording();
      OperationState state = OperationState.started(start);
      Instant now = start;
      while (state.results().size() < tasks / 2) {
        now = now.plusSeconds(1);
        state = SyncContext.step(
            new SyncContext.Input(targets, recording.live(), state, settings, now), recording);
        steps++;
        if (state.isCompleted()) {
          throw new IllegalStateException(
              "the operation ended before half of its tasks ran: " + state.phase() + " "
                  + state.message());
        }
      }
      input = new SyncContext.Input(
          targets, recording.live(), state, settings, now.plusSeconds(1));
      cluster = recording.frozen();
    }
  }

  @Benchmark
  public OperationState firstStep(FirstStep s) {
    return SyncContext.step(s.input, s.cluster);
  }

  @Benchmark
  public OperationState midOperationStep(MidOperation s) {
    return SyncContext.step(s.input, s.cluster);
  }
}

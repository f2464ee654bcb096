package io.wavesync.bench;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.Plan;
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

/** Planning a large application: every task in execution order, as {@code wavesync plan} does. */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PlanBenchmark {

  @Param("10000")
  int resources;

  private List<KubeObject> manifests;

  @Setup
  public void setUp() {
    manifests = SyntheticApplication.generate(resources, SyntheticApplication.SEED).objects();
  }

  @Benchmark
  public Plan plan() {
    return Plan.of(manifests, SyntheticApplication.NAMESPACE, SyntheticApplication.REVISION,
        SyntheticApplication.STARTED_AT);
  }
}

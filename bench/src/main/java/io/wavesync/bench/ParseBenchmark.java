package io.wavesync.bench;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestException;
import io.wavesync.engine.manifest.ManifestLoader;
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

/** Parsing the same application from one multi-document YAML stream. */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ParseBenchmark {

  @Param("10000")
  int resources;

  private String yaml;

  @Setup
  public void setUp() {
    yaml = SyntheticApplication.generate(resources, SyntheticApplication.SEED).toYaml();
  }

  @Benchmark
  public List<Manifest> parse() throws ManifestException {
    return ManifestLoader.parse(yaml, "shop.yaml");
  }
}

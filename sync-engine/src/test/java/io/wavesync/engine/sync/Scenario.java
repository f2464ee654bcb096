package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Drives the engine step by step against a {@link FakeCluster}, as the spec's scenarios are written. */
final class Scenario {

  final FakeCluster cluster = new FakeCluster();
  final List<KubeObject> targets = new ArrayList<>();
  SyncSettings.Builder settings =
      SyncSettings.builder().namespace(FakeCluster.NS).revision(FakeCluster.REVISION);
  OperationState state = OperationState.started(FakeCluster.T);
  Instant now = FakeCluster.T;

  Scenario targets(KubeObject... objs) {
    targets.addAll(List.of(objs));
    return this;
  }

  Scenario live(KubeObject... objs) {
    cluster.setLive(objs);
    return this;
  }

  Scenario settings(Consumer<SyncSettings.Builder> c) {
    c.accept(settings);
    return this;
  }

  /** Seeds persisted results, as upstream's {@code WithInitialState}. */
  Scenario results(ResourceResult... results) {
    state = state.withResults(List.of(results));
    return this;
  }

  OperationState step() {
    SyncSettings s = settings.healthOverride(cluster.healthOverride()).build();
    state = SyncContext.step(
        new SyncContext.Input(targets, cluster.liveSnapshot(), state, s, now), cluster);
    return state;
  }

  OperationState terminate() {
    state = state.withPhase(OperationPhase.Terminating, "operation is terminating");
    return step();
  }

  OperationPhase phase() {
    return state.phase();
  }

  String message() {
    return state.message();
  }

  List<ResourceResult> results() {
    return state.results();
  }

  ResourceResult result(String name) {
    return state.results().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + name + " in " + state.results()));
  }

  /** A persisted result as a previous step would have written it. */
  static ResourceResult recorded(
      KubeObject obj, SyncPhase phase, boolean hook, ResultCode status, OperationPhase hookPhase,
      String message) {
    return new ResourceResult(obj.group(), obj.version(), obj.kind(), obj.namespace(), obj.name(),
        phase, status, hookPhase, message, hook ? phase : null, 0, List.of(), 0, "", null, null);
  }
}

package io.wavesync.engine.sync;

import static io.wavesync.engine.sync.Objects.hook;
import static io.wavesync.engine.sync.Objects.pod;
import static io.wavesync.engine.sync.OperationPhase.Error;
import static io.wavesync.engine.sync.OperationPhase.Failed;
import static io.wavesync.engine.sync.OperationPhase.Running;
import static io.wavesync.engine.sync.OperationPhase.Succeeded;
import static io.wavesync.engine.sync.WavesyncDecisionsTest.advance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Operation phases, retry and backoff, dry run (spec §5.1, §5.5, §5.6). */
class OperationLifecycleTest {

  @Test
  void backoffGrowsByTheFactorAndIsCappedAtMaxDuration() {
    RetryStrategy r = RetryStrategy.limit(10);
    Instant t = FakeCluster.T;
    assertThat(r.nextRetryAt(t, 0)).isEqualTo(t.plusSeconds(5));
    assertThat(r.nextRetryAt(t, 1)).isEqualTo(t.plusSeconds(10));
    assertThat(r.nextRetryAt(t, 2)).isEqualTo(t.plusSeconds(20));
    assertThat(r.nextRetryAt(t, 3)).isEqualTo(t.plusSeconds(40));
    assertThat(r.nextRetryAt(t, 4)).isEqualTo(t.plusSeconds(80));
    assertThat(r.nextRetryAt(t, 30)).isEqualTo(t.plus(Duration.ofMinutes(3)));
  }

  @Test
  void backoffAcceptsBareSecondsAndGoDurationsAndAnUncappedMaximum() {
    Instant t = FakeCluster.T;
    assertThat(new RetryStrategy(1, "7", 3, "0").nextRetryAt(t, 2)).isEqualTo(t.plusSeconds(63));
    assertThat(new RetryStrategy(1, "1m30s", 1, "2m").nextRetryAt(t, 5)).isEqualTo(t.plusSeconds(90));
    assertThatThrownBy(() -> new RetryStrategy(1, "soon", 2, null).nextRetryAt(t, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeLimitRetriesForeverAndZeroNever() {
    assertThat(RetryStrategy.limit(-1).allows(1000)).isTrue();
    assertThat(RetryStrategy.limit(0).allows(0)).isFalse();
    assertThat(RetryStrategy.limit(2).allows(1)).isTrue();
    assertThat(RetryStrategy.limit(2).allows(2)).isFalse();
  }

  @Test
  void retryDropsAllResultsButKeepsTheStartTimeAndReRunsEverything() {
    Scenario s = new Scenario().targets(pod(), hook("migrate", "PreSync", "BeforeHookCreation"));
    s.cluster.applyFailures.put("migrate", "quota exceeded");
    Operation.Policy policy = new Operation.Policy(RetryStrategy.limit(1), null, null);
    Operation.Progress p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Running);
    assertThat(p.state().finishedAt()).isEqualTo(FakeCluster.T);
    assertThat(p.state().results()).isNotEmpty();

    s.now = p.wakeAt();
    s.cluster.applyFailures.clear();
    s.cluster.health.put("migrate", HealthStatus.Progressing);
    p = advance(s, policy);
    assertThat(p.state().startedAt()).isEqualTo(FakeCluster.T);
    assertThat(p.state().finishedAt()).isNull();
    assertThat(p.state().phase()).isEqualTo(Running);
    assertThat(p.state().results()).extracting(ResourceResult::name).containsExactly("migrate");
    // the validation dry run ran again for the new attempt
    assertThat(s.cluster.appliedNames(true)).containsExactly("migrate", "my-pod", "migrate", "my-pod");
  }

  @Test
  void afterTheLastRetryTheMessageSaysHowManyTimesItWasRetried() {
    Scenario s = new Scenario().targets(pod());
    s.cluster.applyFailures.put("my-pod", "boom");
    Operation.Policy policy = new Operation.Policy(RetryStrategy.limit(1), null, null);
    Operation.Progress p = advance(s, policy);
    s.now = p.wakeAt();
    p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Failed);
    assertThat(p.state().message())
        .isEqualTo("one or more objects failed to apply, reason: boom (retried 1 times).");
    assertThat(p.state().finishedAt()).isEqualTo(s.now);
  }

  @Test
  void unparsableBackoffEndsTheOperationInError() {
    Scenario s = new Scenario().targets(pod());
    s.cluster.applyFailures.put("my-pod", "boom");
    Operation.Progress p = advance(s, new Operation.Policy(
        new RetryStrategy(3, "later", 2, null), null, null));
    assertThat(p.state().phase()).isEqualTo(Error);
    assertThat(p.state().message()).startsWith(
        "one or more objects failed to apply, reason: boom (failed to retry: invalid duration");
  }

  @Test
  void terminatedOperationIsNeverRetried() {
    KubeObject h = hook("slow", "Sync", "BeforeHookCreation");
    Scenario s = new Scenario().targets(h);
    s.cluster.health.put("slow", HealthStatus.Progressing);
    Operation.Policy policy = new Operation.Policy(RetryStrategy.limit(5), null, null);
    advance(s, policy);
    s.state = Operation.terminate(s.state);
    assertThat(s.state.phase()).isEqualTo(OperationPhase.Terminating);
    s.live(h);
    Operation.Progress p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Failed);
    assertThat(p.state().message()).isEqualTo("Operation terminated");
    assertThat(p.state().retryCount()).isZero();
  }

  @Test
  void completedOperationIsNotStepped() {
    Scenario s = new Scenario().targets(pod());
    advance(s, Operation.Policy.DEFAULT);
    assertThat(s.state.phase()).isEqualTo(Succeeded);
    int applies = s.cluster.applies.size();
    advance(s, Operation.Policy.DEFAULT);
    assertThat(s.cluster.applies).hasSize(applies);
    assertThat(Operation.terminate(s.state).phase()).isEqualTo(Succeeded);
  }

  @Test
  void dryRunOperationFinishesInOneStepWithEveryTaskIncludingSyncFailHooksSucceeded() {
    Scenario s = new Scenario().targets(pod(),
            hook("migrate", "PreSync", "BeforeHookCreation"),
            hook("notify", "PostSync", "HookSucceeded"),
            hook("alert", "SyncFail", "HookSucceeded"))
        .live(hook("migrate", "PreSync", "BeforeHookCreation"))
        .settings(b -> b.dryRun(true));
    s.step();
    assertThat(s.phase()).isEqualTo(Succeeded);
    assertThat(s.message()).isEqualTo("successfully synced (no more tasks)");
    assertThat(s.results()).hasSize(4)
        .allMatch(r -> r.status() == ResultCode.Synced && r.hookPhase() == Succeeded);
    assertThat(s.cluster.applies).allMatch(FakeCluster.Applied::dryRun);
    assertThat(s.cluster.deletes).isEmpty();
    assertThat(s.cluster.updates).isEmpty();
  }

  @Test
  void dryRunSkipsCustomResourcesWhoseDefinitionIsPartOfTheSync() {
    KubeObject crd = KubeObject.parseJson("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.io"},
         "spec":{"group":"example.io","names":{"kind":"Widget"}}}""");
    KubeObject widget = KubeObject.of("example.io/v1", "Widget", FakeCluster.NS, "w");
    Scenario s = new Scenario().targets(crd, widget).settings(b -> b.dryRun(true).discovery(
        (g, v, k) -> {
          if (k.equals("Widget")) {
            throw ApiException.notFound("no matches for kind \"Widget\"");
          }
          return new Discovery.ApiResource(k.toLowerCase() + "s", true);
        }));
    s.step();
    assertThat(s.phase()).isEqualTo(Succeeded);
    assertThat(s.results()).extracting(ResourceResult::name).containsExactly("widgets.example.io");
  }
}

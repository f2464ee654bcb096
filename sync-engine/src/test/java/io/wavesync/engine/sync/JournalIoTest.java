package io.wavesync.engine.sync;

import static io.wavesync.engine.sync.Objects.hook;
import static io.wavesync.engine.sync.Objects.pod;
import static io.wavesync.engine.sync.Objects.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Spec Appendix B: side effects answered asynchronously, replayed steps. */
class JournalIoTest {

  /** Runs one step through the journal, answering each call only when asked to. */
  private static final class AsyncDriver {
    final Scenario scenario;
    JournalIo.Journal journal;
    final List<JournalIo.Call> sent = new ArrayList<>();

    AsyncDriver(Scenario scenario) {
      this.scenario = scenario;
    }

    /** Replays the step; returns true when it completed, false when it waits for a call. */
    boolean replay() {
      if (journal == null) {
        journal = JournalIo.Journal.start(scenario.now);
      }
      SyncSettings s = scenario.settings.healthOverride(scenario.cluster.healthOverride()).build();
      try {
        OperationState next = SyncContext.step(new SyncContext.Input(scenario.targets,
            scenario.cluster.liveSnapshot(), scenario.state, s, journal.now()), new JournalIo(journal));
        scenario.state = next;
        journal = null;
        return true;
      } catch (JournalIo.Suspended suspended) {
        journal = suspended.journal();
        if (suspended.newCall()) {
          sent.add(suspended.entry().call());
        }
        return false;
      }
    }

    void answerOutstanding() {
      JournalIo.Entry e = journal.outstanding();
      journal = journal.answer(e.seq(), JournalIo.answerWith(e.call(), scenario.cluster));
    }

    /** Replays and answers until the step completes. */
    void completeStep() {
      while (!replay()) {
        answerOutstanding();
      }
    }
  }

  @Test
  void stepWaitsForAnOutstandingCallAndNeverSelectsTheNextWave() {
    Scenario s = new Scenario().targets(wave(pod("first"), 0), wave(pod("second"), 1));
    AsyncDriver d = new AsyncDriver(s);
    assertThat(d.replay()).isFalse();
    assertThat(d.sent).hasSize(1);
    assertThat(((JournalIo.RunTasksCall) d.sent.get(0)).request().purpose())
        .isEqualTo(RunTasksRequest.Purpose.VALIDATE);

    // nothing answered: replays do not send again and do not move on
    assertThat(d.replay()).isFalse();
    assertThat(d.replay()).isFalse();
    assertThat(d.sent).hasSize(1);
    assertThat(s.cluster.applies).isEmpty();

    d.answerOutstanding();
    assertThat(d.replay()).isFalse();
    assertThat(d.sent).hasSize(2);
    RunTasksRequest wave = ((JournalIo.RunTasksCall) d.sent.get(1)).request();
    assertThat(wave.purpose()).isEqualTo(RunTasksRequest.Purpose.STEP);
    assertThat(wave.tasks()).extracting(t -> t.target().name()).containsExactly("first");

    d.answerOutstanding();
    assertThat(d.replay()).isTrue();
    assertThat(s.state.message()).isEqualTo("waiting for healthy state of /Pod/first");
    assertThat(s.cluster.appliedNames(false)).containsExactly("first");
  }

  private static void runBoth(Consumer<Scenario> setup, List<Consumer<Scenario>> betweenSteps) {
    Scenario sync = new Scenario();
    Scenario async = new Scenario();
    setup.accept(sync);
    setup.accept(async);
    AsyncDriver d = new AsyncDriver(async);
    for (Consumer<Scenario> between : betweenSteps) {
      sync.step();
      d.completeStep();
      assertThat(async.state).isEqualTo(sync.state);
      assertThat(async.cluster.applies).isEqualTo(sync.cluster.applies);
      assertThat(async.cluster.deletes).isEqualTo(sync.cluster.deletes);
      assertThat(async.cluster.updates).isEqualTo(sync.cluster.updates);
      between.accept(sync);
      between.accept(async);
    }
  }

  @Test
  void replayedStepsReachTheSameStateAsSynchronousOnesForAFailedSyncWithSyncFailHooks() {
    runBoth(
        s -> {
          s.targets(pod(), hook("ok", "SyncFail", "BeforeHookCreation"),
              hook("bad", "SyncFail", "HookFailed"));
          s.cluster.applyFailures.put("my-pod", "fake pod failure");
          s.cluster.applyFailures.put("bad", "fake hook failure");
          s.cluster.health.put("ok", HealthStatus.Healthy);
        },
        List.of(s -> s.live(hook("ok", "SyncFail", "BeforeHookCreation")), s -> {}));
  }

  @Test
  void replayedStepsReachTheSameStateAsSynchronousOnesForBeforeHookCreationAndDeletions() {
    KubeObject[] hooks = {
      hook("existing-hook-1", "PreSync", "BeforeHookCreation"),
      hook("existing-hook-2", "PreSync", "HookFailed"),
      hook("existing-hook-3", "PreSync", "HookSucceeded")
    };
    runBoth(
        s -> {
          s.targets(hooks).live(hooks);
          for (KubeObject h : hooks) {
            s.cluster.health.put(h.name(), HealthStatus.Healthy);
          }
        },
        List.of(s -> s.live(hooks[1], hooks[2]), s -> s.live(hooks), s -> {}));
  }

  @Test
  void aStepThatDivergesFromItsJournalIsReported() {
    JournalIo.Journal j = new JournalIo.Journal(FakeCluster.T, List.of(new JournalIo.Entry(0,
        new JournalIo.GetCall(List.of(pod())), java.util.Map.of())));
    JournalIo io = new JournalIo(j);
    assertThatThrownBy(() -> io.delete(List.of(pod()), "foreground"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("diverged");
  }
}

package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.events.HookCompleted;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ObjectRef;
import org.junit.jupiter.api.Test;

class HookLedgerTest {

  @Test
  void learnsCompletedHooksFromTheTopic() {
    HookLedger ledger = new HookLedger(10);
    ObjectRef ref = new ObjectRef("batch", "v1", "Job", "x", "migrate", "u1");

    ledger.learn(
        HookCompleted.of("shop", "op", ref, null, HookPhase.Succeeded, null, "done\n", null));

    assertThat(ledger.isCompleted("u1")).isTrue();
    assertThat(ledger.isCompleted("u2")).isFalse();
  }

  @Test
  void forgetsAHookWhoseObjectIsGone() {
    HookLedger ledger = new HookLedger(10);
    ledger.completed("u1");

    ledger.forget("u1");

    assertThat(ledger.isCompleted("u1")).isFalse();
  }
}

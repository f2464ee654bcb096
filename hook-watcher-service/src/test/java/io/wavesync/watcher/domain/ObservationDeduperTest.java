package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservationDeduperTest {

  private final ObservationDeduper deduper = new ObservationDeduper(100);

  @Test
  void aResourceVersionIsNewUntilItWasEmitted() {
    assertThat(deduper.isNewChange("u1", "10")).isTrue();

    deduper.emitted("u1", "10");

    assertThat(deduper.isNewChange("u1", "10")).isFalse();
    assertThat(deduper.isNewChange("u1", "11")).isTrue();
    assertThat(deduper.isNewChange("u2", "10")).isTrue();
  }

  @Test
  void aChangeThatWasNotEmittedStaysNewSoThatAResyncRetriesIt() {
    assertThat(deduper.isNewChange("u1", "10")).isTrue();
    assertThat(deduper.isNewChange("u1", "10")).isTrue();
  }

  @Test
  void aDeletionIsReportedOnceAndLateChangesOfTheDeletedObjectAreIgnored() {
    deduper.emitted("u1", "10");
    assertThat(deduper.isNewDeletion("u1")).isTrue();

    deduper.deleted("u1");

    assertThat(deduper.isNewDeletion("u1")).isFalse();
    assertThat(deduper.isNewChange("u1", "12")).isFalse();
    assertThat(deduper.tracked()).isZero();
  }

  @Test
  void deletedUidsAreRememberedUpToTheBound() {
    ObservationDeduper small = new ObservationDeduper(2);
    small.deleted("a");
    small.deleted("b");
    small.deleted("c");

    assertThat(small.isNewDeletion("a")).isTrue();
    assertThat(small.isNewDeletion("b")).isFalse();
    assertThat(small.isNewDeletion("c")).isFalse();
  }

  @Test
  void clearForgetsEverythingAsARestartWould() {
    deduper.emitted("u1", "10");
    deduper.deleted("u2");

    deduper.clear();

    assertThat(deduper.isNewChange("u1", "10")).isTrue();
    assertThat(deduper.isNewDeletion("u2")).isTrue();
  }
}

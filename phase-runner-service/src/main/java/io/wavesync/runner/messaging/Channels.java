package io.wavesync.runner.messaging;

import io.wavesync.events.payload.SyncPhase;

/** The messaging channels of the phase runner; topics are set per channel in configuration. */
public final class Channels {

  /** {@code wavesync.waves.presync}. */
  public static final String WAVES_PRESYNC = "waves-presync";
  /** {@code wavesync.waves.sync}. */
  public static final String WAVES_SYNC = "waves-sync";
  /** {@code wavesync.waves.postsync}. */
  public static final String WAVES_POSTSYNC = "waves-postsync";
  /** {@code wavesync.waves.syncfail}. */
  public static final String WAVES_SYNCFAIL = "waves-syncfail";
  /** {@code wavesync.observations}: the runner's answers. */
  public static final String OBSERVATIONS = "observations";

  private Channels() {}

  /** The incoming channel of a phase's wave topic. */
  public static String wave(SyncPhase phase) {
    return switch (phase) {
      case PreSync -> WAVES_PRESYNC;
      case Sync -> WAVES_SYNC;
      case PostSync -> WAVES_POSTSYNC;
      case SyncFail -> WAVES_SYNCFAIL;
    };
  }
}

package io.wavesync.cleanup.messaging;

/** The messaging channels of the cleanup service; topics are set per channel in configuration. */
public final class Channels {

  /** {@code wavesync.cleanup}: the planner's cleanup commands. */
  public static final String CLEANUP_COMMANDS = "cleanup-commands";
  /** {@code wavesync.observations}: what the cleanup service did. */
  public static final String OBSERVATIONS = "observations";
  /** The wave topics: a command's SyncFail follow-up, on the topic of its phase. */
  public static final String WAVE_COMMANDS = "wave-commands";

  private Channels() {}
}

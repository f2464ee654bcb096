package io.wavesync.events;

import io.wavesync.events.payload.SyncPhase;
import java.util.List;

/**
 * The Kafka topics of wavesync. Every topic is keyed by application name ({@link
 * WavesyncEvent#application()}), so one application's events stay in order in one partition.
 */
public final class Topics {

  /** {@link SyncRequestEvent}s: sync and terminate requests, from users to the planner. */
  public static final String SYNC_REQUESTS = "wavesync.sync-requests";

  /** {@link Observation}s: what runners, the watcher and cleanup saw, for the planner. */
  public static final String OBSERVATIONS = "wavesync.observations";

  /** {@link WaveCommand}s of the PreSync phase. */
  public static final String WAVES_PRESYNC = "wavesync.waves.presync";

  /** {@link WaveCommand}s of the Sync phase. */
  public static final String WAVES_SYNC = "wavesync.waves.sync";

  /** {@link WaveCommand}s of the PostSync phase. */
  public static final String WAVES_POSTSYNC = "wavesync.waves.postsync";

  /** {@link WaveCommand}s of the SyncFail phase. */
  public static final String WAVES_SYNCFAIL = "wavesync.waves.syncfail";

  /** {@link CleanupCommand}s: from the planner to the cleanup service. */
  public static final String CLEANUP = "wavesync.cleanup";

  /**
   * {@link OperationEvent}s: the state of each application's operation. Compacted ({@code
   * cleanup.policy=compact}), so it always holds the latest state per application.
   */
  public static final String OPERATIONS = "wavesync.operations";

  /** The suffix of a dead-letter topic. */
  public static final String DLQ_SUFFIX = ".dlq";

  /** Every wavesync topic (without the dead-letter topics), in the order of the flow. */
  public static final List<String> ALL =
      List.of(
          SYNC_REQUESTS,
          WAVES_PRESYNC,
          WAVES_SYNC,
          WAVES_POSTSYNC,
          WAVES_SYNCFAIL,
          CLEANUP,
          OBSERVATIONS,
          OPERATIONS);

  /** The topics with {@code cleanup.policy=compact}. */
  public static final List<String> COMPACTED = List.of(OPERATIONS);

  private Topics() {}

  /**
   * The dead-letter topic of {@code topic}: {@code <topic>.dlq}, where a consumer puts the records
   * it cannot process, with the reason in the {@link CloudEventHeaders#DLQ_REASON} header.
   *
   * @throws IllegalArgumentException if {@code topic} is blank or already a dead-letter topic
   */
  public static String dlq(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("a dead-letter topic needs a topic name");
    }
    // A dead-letter topic of a dead-letter topic would only hide a misconfigured consumer.
    if (topic.endsWith(DLQ_SUFFIX)) {
      throw new IllegalArgumentException(topic + " is already a dead-letter topic");
    }
    return topic + DLQ_SUFFIX;
  }

  /**
   * The wave topic of a sync phase, by its Argo CD name ({@code PreSync}, {@code Sync}, {@code
   * PostSync}, {@code SyncFail}).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static String waveTopic(String phase) {
    for (SyncPhase p : SyncPhase.values()) {
      if (p.name().equals(phase)) {
        return waveTopic(p);
      }
    }
    throw new IllegalArgumentException(
        "'" + phase + "' is not a sync phase; expected one of PreSync, Sync, PostSync, SyncFail");
  }

  /** The wave topic of a sync phase. */
  public static String waveTopic(SyncPhase phase) {
    return switch (phase) {
      case PreSync -> WAVES_PRESYNC;
      case Sync -> WAVES_SYNC;
      case PostSync -> WAVES_POSTSYNC;
      case SyncFail -> WAVES_SYNCFAIL;
    };
  }

  /** Whether {@code topic} is compacted. */
  public static boolean isCompacted(String topic) {
    return COMPACTED.contains(topic);
  }

  /**
   * The topic {@code event} is published on. A wave command goes to the topic of its phase, so each
   * phase's runners are scaled on their own.
   */
  public static String topicOf(WavesyncEvent event) {
    if (event instanceof SyncRequestEvent) {
      return SYNC_REQUESTS;
    }
    if (event instanceof WaveApplyRequested command) {
      return waveTopic(command.phase());
    }
    if (event instanceof CleanupCommand) {
      return CLEANUP;
    }
    if (event instanceof Observation) {
      return OBSERVATIONS;
    }
    if (event instanceof OperationEvent) {
      return OPERATIONS;
    }
    throw new IllegalArgumentException("no topic for " + event);
  }
}

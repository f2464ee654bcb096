package io.wavesync.cleanup.messaging;

import io.wavesync.cleanup.config.CleanupConfig;
import io.wavesync.cleanup.domain.Cleanup;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.kubernetes.AnsweredCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Carries out one cleanup command: the actions, one {@code ObjectDeleted} per deletion, the
 * SyncFail follow-up once every deletion is done (so SyncFail hooks start only after the
 * HookFailed deletions), and finally the {@link CleanupCompleted} that answers the command. A
 * command answered before is answered again with the same {@link CleanupCompleted} and nothing
 * else.
 */
@ApplicationScoped
public class CleanupHandler {

  private static final Logger LOG = Logger.getLogger(CleanupHandler.class);

  private final Cleanup.Cluster cluster;
  private final EventPublisher publisher;
  private final CleanupMetrics metrics;
  private final AnsweredCommands<CleanupCompleted> answered;

  public CleanupHandler(Cleanup.Cluster cluster, EventPublisher publisher, CleanupMetrics metrics,
      CleanupConfig config) {
    this.cluster = cluster;
    this.publisher = publisher;
    this.metrics = metrics;
    this.answered = new AnsweredCommands<>(config.answeredCommands());
  }

  /** Carries out {@code command} (or repeats its answer) and publishes what it did. */
  public void handle(CleanupRequested command) {
    Optional<CleanupCompleted> previous = answered.answerTo(command.commandId());
    if (previous.isPresent()) {
      LOG.debugf("command %s was answered before; answering again", command.commandId());
      publisher.observations(List.of(previous.get()));
      return;
    }
    Cleanup.Report report = Cleanup.run(CleanupMapper.actions(command),
        command.propagationPolicy(), cluster);
    for (int i = 0; i < report.results().size(); i++) {
      Cleanup.Result r = report.results().get(i);
      metrics.action(r.action().kind().name(), r.outcome().name());
      if (r.action().kind() == Cleanup.Kind.DELETE) {
        metrics.deleted(r.action().ref().kind(), command.actions().get(i).reason(),
            r.outcome().name());
      }
    }
    publisher.observations(CleanupMapper.deletions(command, report));
    if (command.followUp() != null) {
      if (report.deletionsSucceeded()) {
        publisher.waveCommand(command.followUp());
      } else {
        LOG.infof("command %s: a deletion failed, so its follow-up %s is not started",
            command.commandId(), command.followUp().commandId());
      }
    }
    CleanupCompleted completed = CleanupMapper.completed(command, report);
    publisher.observations(List.of(completed));
    answered.remember(command.commandId(), completed);
    LOG.infof("command %s: %d action(s), deletions %s", command.commandId(),
        report.results().size(), report.deletionsSucceeded() ? "succeeded" : "failed");
  }
}

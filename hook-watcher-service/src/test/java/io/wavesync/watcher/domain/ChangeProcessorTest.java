package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.payload.HealthStatus;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeProcessorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Observation> published = new ArrayList<>();
  private final List<String> logReads = new ArrayList<>();
  private boolean brokerDown;

  private final ChangeProcessor processor =
      new ChangeProcessor(
          new ObservationDeduper(100),
          new HookLedger(100),
          new ChangeProcessor.Effects() {
            @Override
            public String hookLogs(KubeObject hook) {
              logReads.add(hook.name());
              return "migrating\ndone\n";
            }

            @Override
            public void publish(Observation event) throws Exception {
              if (brokerDown) {
                throw new IllegalStateException("broker down");
              }
              published.add(event);
            }
          });

  private static ObjectNode job(String rv, String condition) throws Exception {
    String status =
        condition == null
            ? "{'active':1}"
            : "{'conditions':[{'type':'"
                + condition
                + "','status':'True',"
                + "'message':'Job has reached the specified backoff limit'}]}";
    return (ObjectNode)
        JSON.readTree(
            ("{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'migrate',"
                    + "'namespace':'x','uid':'u1','resourceVersion':'"
                    + rv
                    + "','generation':1,'labels':{'wavesync.io/application':'shop'},"
                    + "'annotations':{'argocd.argoproj.io/hook':'PreSync',"
                    + "'wavesync.io/operation':'op-1'},"
                    + "'managedFields':[{'manager':'x'}]},'spec':{},'status':"
                    + status
                    + "}")
                .replace('\'', '"'));
  }

  @Test
  void aRunningJobIsObservedProgressingWithItsTrimmedObject() throws Exception {
    processor.onChange(job("1", null));

    assertThat(published).hasSize(1);
    HealthObserved observed = (HealthObserved) published.get(0);
    assertThat(observed.application()).isEqualTo("shop");
    assertThat(observed.operationId()).isEqualTo("op-1");
    assertThat(observed.exists()).isTrue();
    assertThat(observed.ref().uid()).isEqualTo("u1");
    assertThat(observed.ref().group()).isEqualTo("batch");
    assertThat(observed.generation()).isEqualTo(1);
    assertThat(observed.resourceVersion()).isEqualTo("1");
    assertThat(observed.health().status()).isEqualTo(HealthStatus.Progressing);
    assertThat(observed.object().at("/metadata").has("managedFields")).isFalse();
    assertThat(observed.object().at("/status/active").asInt()).isEqualTo(1);
  }

  @Test
  void aCompletedHookIsReportedWithItsLogsBeforeTheObservationOfTheSameUpdate() throws Exception {
    processor.onChange(job("1", null));
    processor.onChange(job("2", "Complete"));

    assertThat(published).hasSize(3);
    HookCompleted done = (HookCompleted) published.get(1);
    assertThat(done.hookPhase()).isEqualTo(HookPhase.Succeeded);
    assertThat(done.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(done.logTail()).isEqualTo("migrating\ndone\n");
    assertThat(done.health().status()).isEqualTo(HealthStatus.Healthy);
    assertThat(done.ref().uid()).isEqualTo("u1");
    HealthObserved last = (HealthObserved) published.get(2);
    assertThat(last.health().status()).isEqualTo(HealthStatus.Healthy);
    assertThat(last.resourceVersion()).isEqualTo("2");
  }

  @Test
  void aFailedHookIsReportedFailedWithTheHealthMessage() throws Exception {
    processor.onChange(job("2", "Failed"));

    HookCompleted done = (HookCompleted) published.get(0);
    assertThat(done.hookPhase()).isEqualTo(HookPhase.Failed);
    assertThat(done.message()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(((HealthObserved) published.get(1)).health().status())
        .isEqualTo(HealthStatus.Degraded);
  }

  @Test
  void aHookCompletesOnceEvenWhenLaterUpdatesStillShowItFinished() throws Exception {
    processor.onChange(job("2", "Complete"));
    ObjectNode relabelled = job("3", "Complete");
    processor.onChange(relabelled);

    assertThat(published)
        .extracting(Observation::eventType)
        .containsExactly("HookCompleted", "HealthObserved", "HealthObserved");
    assertThat(logReads).containsExactly("migrate");
  }

  @Test
  void theSameResourceVersionTwiceYieldsOneObservation() throws Exception {
    processor.onChange(job("1", null));
    processor.onChange(job("1", null));

    assertThat(published).hasSize(1);
  }

  @Test
  void aDeletionIsReportedOnceWithExistsFalse() throws Exception {
    processor.onChange(job("2", "Complete"));
    published.clear();

    processor.onDelete(job("2", "Complete"));
    processor.onDelete(job("2", "Complete"));
    processor.onChange(job("3", "Complete"));

    assertThat(published).hasSize(1);
    HealthObserved gone = (HealthObserved) published.get(0);
    assertThat(gone.exists()).isFalse();
    assertThat(gone.ref().uid()).isEqualTo("u1");
    assertThat(gone.health()).isNull();
    assertThat(gone.object()).isNull();
  }

  @Test
  void anObservationThatCouldNotBePublishedIsRetriedByTheNextEventOfTheSameVersion()
      throws Exception {
    brokerDown = true;
    assertThatThrownBy(() -> processor.onChange(job("2", "Complete")))
        .hasMessageContaining("broker down");

    brokerDown = false;
    processor.onChange(job("2", "Complete"));

    assertThat(published)
        .extracting(Observation::eventType)
        .containsExactly("HookCompleted", "HealthObserved");
  }

  @Test
  void objectsWithoutTheApplicationLabelAreIgnored() throws Exception {
    ObjectNode foreign = job("1", null);
    ((ObjectNode) foreign.at("/metadata")).remove("labels");

    assertThat(processor.onChange(foreign)).isEmpty();
    assertThat(published).isEmpty();
  }

  @Test
  void finishedJobsThatAreNotHooksAreObservedButNotReportedAsHooks() throws Exception {
    ObjectNode plain = job("1", "Complete");
    ((ObjectNode) plain.at("/metadata")).remove("annotations");

    processor.onChange(plain);

    assertThat(published).extracting(Observation::eventType).containsExactly("HealthObserved");
    assertThat(logReads).isEmpty();
  }
}

package io.wavesync.testsupport;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import io.wavesync.sandbox.SandboxCluster;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TestResourcesTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** Stands in for a test class: what Quarkus would inject into. */
  static class FakeTest {
    @InjectSandbox
    SandboxCluster sandbox;
    @InjectSandbox
    KubernetesClient client;
    KubernetesClient notAnnotated;
  }

  private static TestInjector injectorFor(Object target) {
    return (value, predicate) -> {
      for (Field field : target.getClass().getDeclaredFields()) {
        if (predicate.test(field)) {
          try {
            field.setAccessible(true);
            field.set(target, value);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    };
  }

  @Test
  void kafkaResourceCreatesTopicsWithDeadLetterTopicsAndCarriesRecords() throws Exception {
    KafkaTestResource resource = new KafkaTestResource();
    resource.init(Map.of("topics", "wavesync.sync-requests, wavesync.operations",
        "partitions", "2"));
    Map<String, String> config = resource.start();
    try {
      String bootstrap = config.get("kafka.bootstrap.servers");
      assertThat(bootstrap).isNotBlank();
      assertThat(Path.of(config.get("kafka-streams.state.dir"))).isDirectory().isEmptyDirectory();

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          bootstrap))) {
        Set<String> names = admin.listTopics().names().get();
        assertThat(names).contains("wavesync.sync-requests", "wavesync.sync-requests.dlq",
            "wavesync.operations", "wavesync.operations.dlq");
        assertThat(admin.describeTopics(List.of("wavesync.operations")).allTopicNames().get()
            .get("wavesync.operations").partitions()).hasSize(2);
      }

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
        producer.send(new ProducerRecord<>("wavesync.sync-requests", "guestbook", "sync"))
            .get();
      }
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
        consumer.subscribe(List.of("wavesync.sync-requests"));
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(received::add);
          return !received.isEmpty();
        });
        assertThat(received.get(0).key()).isEqualTo("guestbook");
        assertThat(received.get(0).value()).isEqualTo("sync");
      }
    } finally {
      resource.stop();
    }
    assertThat(Files.exists(Path.of(config.get("kafka-streams.state.dir")))).isFalse();
  }

  @Test
  void kafkaResourceUsesAnExternalBrokerWhenOneIsConfigured() {
    try (EmbeddedKafka broker = EmbeddedKafka.start(1)) {
      System.setProperty(EmbeddedKafka.EXTERNAL_PROPERTY, broker.bootstrapServers());
      KafkaTestResource resource = new KafkaTestResource();
      resource.init(Map.of("topics", "wavesync.observations"));
      try {
        Map<String, String> config = resource.start();

        assertThat(config).containsEntry("kafka.bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers()))) {
          assertThat(admin.listTopics().names().get())
              .contains("wavesync.observations", "wavesync.observations.dlq");
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      } finally {
        System.clearProperty(EmbeddedKafka.EXTERNAL_PROPERTY);
        resource.stop();
      }
      // Stopping the resource must leave the external broker running.
      broker.createTopics("still-running");
    }
  }

  @Test
  void sandboxResourceConfiguresTheClientInjectsTheSandboxAndRunsJobs() {
    SandboxClusterResource resource = new SandboxClusterResource();
    resource.init(Map.of("default-duration", "200ms"));
    Map<String, String> config = resource.start();
    try {
      assertThat(config).containsEntry("quarkus.kubernetes-client.trust-certs", "true")
          .containsEntry("quarkus.kubernetes-client.namespace", "default");
      assertThat(config.get("quarkus.kubernetes-client.api-server-url"))
          .startsWith("http://127.0.0.1:");

      FakeTest test = new FakeTest();
      resource.inject(injectorFor(test));
      assertThat(test.sandbox).isSameAs(SandboxClusterResource.sandbox());
      assertThat(test.client).isSameAs(SandboxClusterResource.client());
      assertThat(test.notAnnotated).isNull();

      Job job = new JobBuilder()
          .withNewMetadata().withName("pre-sync").endMetadata()
          .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
          .addNewContainer().withName("main").withImage("busybox").withCommand("true")
          .endContainer().endSpec().endTemplate().endSpec()
          .build();
      test.client.batch().v1().jobs().resource(job).create();
      await().atMost(PATIENCE).until(() -> {
        Job live = test.client.batch().v1().jobs().inNamespace("default").withName("pre-sync")
            .get();
        return live.getStatus() != null && Integer.valueOf(1).equals(live.getStatus()
            .getSucceeded());
      });
    } finally {
      resource.stop();
    }
    assertThatThrownBy(SandboxClusterResource::sandbox).isInstanceOf(IllegalStateException.class);
  }
}

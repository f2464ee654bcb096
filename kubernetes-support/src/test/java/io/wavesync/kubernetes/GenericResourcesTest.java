package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.Discovery;
import io.wavesync.sandbox.SandboxCluster;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenericResourcesTest {

  private static SandboxCluster sandbox;
  private static KubernetesClient client;
  private static GenericResources resources;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
    resources = new GenericResources(client);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void discoveryKnowsCoreAndGroupedKinds() throws ApiException {
    ResourceType configMaps = resources.discovery().type("v1", "ConfigMap");
    assertThat(configMaps).isEqualTo(new ResourceType("", "v1", "ConfigMap", "configmaps", true));
    assertThat(configMaps.path("ns", "app")).isEqualTo("/api/v1/namespaces/ns/configmaps/app");

    ResourceType jobs = resources.discovery().type("batch/v1", "Job");
    assertThat(jobs.plural()).isEqualTo("jobs");
    assertThat(jobs.path("ns", "migrate")).isEqualTo("/apis/batch/v1/namespaces/ns/jobs/migrate");

    ResourceType namespaces = resources.discovery().type("v1", "Namespace");
    assertThat(namespaces.namespaced()).isFalse();
    assertThat(namespaces.path("ignored", "team")).isEqualTo("/api/v1/namespaces/team");

    Discovery.ApiResource engineView = resources.discovery().resolve("apps", "v1", "Deployment");
    assertThat(engineView).isEqualTo(new Discovery.ApiResource("deployments", true));
  }

  @Test
  void anUnknownKindIsReportedAsKubectlDoes() {
    assertThatThrownBy(() -> resources.discovery().type("example.com/v1", "Gadget"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.getMessage())
              .isEqualTo("no matches for kind \"Gadget\" in version \"example.com/v1\"");
        });
    assertThatThrownBy(() -> resources.discovery().type("v1", "Gadget"))
        .hasMessage("no matches for kind \"Gadget\" in version \"v1\"");
  }

  @Test
  void aKindAddedByACustomResourceDefinitionIsFoundOnceItExists() throws ApiException {
    assertThatThrownBy(() -> resources.discovery().type("stable.example.com/v1", "CronTab"))
        .isInstanceOf(ApiException.class);

    CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("crontabs.stable.example.com").endMetadata()
        .withNewSpec()
        .withGroup("stable.example.com")
        .withScope("Namespaced")
        .withNewNames().withKind("CronTab").withPlural("crontabs").withSingular("crontab")
        .endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion()
        .endSpec()
        .build();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();

    assertThat(resources.discovery().type("stable.example.com/v1", "CronTab").plural())
        .isEqualTo("crontabs");
  }

  @Test
  void getReadsTheLiveObjectOrNothing() throws ApiException {
    client.configMaps().inNamespace("generic")
        .resource(Sandbox.configMap("generic", "present", List.of())).create();

    Optional<GenericKubernetesResource> found =
        resources.get(new KubeRef("v1", "ConfigMap", "generic", "present", null));
    assertThat(found).isPresent();
    assertThat(found.get().getMetadata().getUid()).isNotBlank();
    assertThat(resources.get(new KubeRef("v1", "ConfigMap", "generic", "absent", null))).isEmpty();
    assertThat(resources.get(new KubeRef("example.com/v1", "Gadget", "generic", "x", null)))
        .isEmpty();
  }

  @Test
  void namespacedKindsFallBackToTheClientsNamespace() throws ApiException {
    ResourceType configMaps = resources.discovery().type("v1", "ConfigMap");
    assertThat(resources.namespaceOf(configMaps, null)).isEqualTo("default");
    assertThat(resources.namespaceOf(configMaps, "team")).isEqualTo("team");
    assertThat(resources.namespaceOf(resources.discovery().type("v1", "Namespace"), "team"))
        .isNull();
  }
}

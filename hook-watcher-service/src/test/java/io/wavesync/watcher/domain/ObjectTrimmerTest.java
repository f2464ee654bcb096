package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ObjectTrimmerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void dropsManagedFieldsAndTheLastAppliedAnnotationButKeepsMetadataSpecAndStatus()
      throws Exception {
    ObjectNode job =
        parse(
            "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'migrate','namespace':'x',"
                + "'uid':'u1','resourceVersion':'7','generation':2,"
                + "'labels':{'wavesync.io/application':'shop'},"
                + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{...}',"
                + "'argocd.argoproj.io/hook':'PreSync'},"
                + "'managedFields':[{'manager':'kubectl'}],'finalizers':['f']},"
                + "'spec':{'backoffLimit':0},"
                + "'status':{'conditions':[{'type':'Complete','status':'True'}]}}");

    ObjectNode trimmed = ObjectTrimmer.trim(job);

    assertThat(trimmed.at("/metadata").has("managedFields")).isFalse();
    assertThat(trimmed.at("/metadata/annotations").has(ObjectTrimmer.LAST_APPLIED)).isFalse();
    assertThat(trimmed.at("/metadata/annotations/argocd.argoproj.io~1hook").asText())
        .isEqualTo("PreSync");
    assertThat(trimmed.at("/metadata/uid").asText()).isEqualTo("u1");
    assertThat(trimmed.at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(trimmed.at("/metadata/finalizers/0").asText()).isEqualTo("f");
    assertThat(trimmed.at("/spec/backoffLimit").asInt()).isZero();
    assertThat(trimmed.at("/status/conditions/0/type").asText()).isEqualTo("Complete");
  }

  @Test
  void leavesTheArgumentUnchanged() throws Exception {
    ObjectNode pod =
        parse(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p',"
                + "'managedFields':[{'manager':'kubectl'}]}}");
    ObjectNode before = pod.deepCopy();

    ObjectTrimmer.trim(pod);

    assertThat(pod).isEqualTo(before);
  }

  @Test
  void removesTheAnnotationsObjectWhenOnlyTheLastAppliedAnnotationWasInIt() throws Exception {
    ObjectNode cm =
        parse(
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s',"
                + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}'}}}");

    assertThat(ObjectTrimmer.trim(cm).at("/metadata").has("annotations")).isFalse();
  }

  @Test
  void dropsTheDataOfConfigMapsAndSecrets() throws Exception {
    ObjectNode secret =
        parse(
            "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s'},'type':'Opaque',"
                + "'data':{'password':'c2VjcmV0'},'stringData':{'user':'admin'}}");
    ObjectNode configMap =
        parse(
            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'k':'v'},'binaryData':{'b':'AA=='},'immutable':true}");

    ObjectNode trimmedSecret = ObjectTrimmer.trim(secret);
    ObjectNode trimmedConfigMap = ObjectTrimmer.trim(configMap);

    assertThat(trimmedSecret.has("data")).isFalse();
    assertThat(trimmedSecret.has("stringData")).isFalse();
    assertThat(trimmedSecret.get("type").asText()).isEqualTo("Opaque");
    assertThat(trimmedConfigMap.has("data")).isFalse();
    assertThat(trimmedConfigMap.has("binaryData")).isFalse();
    assertThat(trimmedConfigMap.get("immutable").asBoolean()).isTrue();
    assertThat(trimmedConfigMap.at("/metadata/name").asText()).isEqualTo("c");
  }

  @Test
  void keepsTheDataOfCustomResourcesThatShareTheKindName() throws Exception {
    ObjectNode custom =
        parse(
            "{'apiVersion':'example.com/v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'k':'v'}}");

    assertThat(ObjectTrimmer.trim(custom).at("/data/k").asText()).isEqualTo("v");
  }
}

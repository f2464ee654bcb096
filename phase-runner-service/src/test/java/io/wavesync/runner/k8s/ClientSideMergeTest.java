package io.wavesync.runner.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ClientSideMergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @Test
  void theManifestIsLaidOverTheLiveObjectKeepingWhatTheServerSet() {
    ObjectNode live = json("{'metadata':{'name':'j','uid':'u1','resourceVersion':'7',"
        + "'labels':{'tier':'web'}},'spec':{'selector':{'matchLabels':{'controller-uid':'u1'}},"
        + "'template':{'metadata':{'labels':{'controller-uid':'u1'}}}},'status':{'active':1}}");
    ObjectNode desired = json("{'metadata':{'name':'j','labels':{'tier':'api'}},"
        + "'spec':{'template':{'spec':{'restartPolicy':'Never'}}}}");

    ObjectNode merged = ClientSideMerge.merge(live, null, desired);

    assertThat(merged).isEqualTo(json("{'metadata':{'name':'j','uid':'u1',"
        + "'resourceVersion':'7','labels':{'tier':'api'}},'spec':{'selector':{'matchLabels':"
        + "{'controller-uid':'u1'}},'template':{'metadata':{'labels':{'controller-uid':'u1'}},"
        + "'spec':{'restartPolicy':'Never'}}},'status':{'active':1}}"));
    assertThat(live.path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
  }

  @Test
  void fieldsDroppedFromTheManifestSinceTheLastApplyAreRemoved() {
    ObjectNode live = json("{'metadata':{'name':'c','labels':{'a':'1','b':'2','other':'x'}},"
        + "'data':{'k1':'v1','k2':'v2'}}");
    ObjectNode last = json("{'metadata':{'name':'c','labels':{'a':'1','b':'2'}},"
        + "'data':{'k1':'v1','k2':'v2'}}");
    ObjectNode desired = json("{'metadata':{'name':'c','labels':{'a':'1'}},'data':{'k1':'v1'}}");

    ObjectNode merged = ClientSideMerge.merge(live, last, desired);

    assertThat(merged).isEqualTo(json("{'metadata':{'name':'c','labels':{'a':'1','other':'x'}},"
        + "'data':{'k1':'v1'}}"));
  }

  @Test
  void namedListsMergeByNameAndKeepElementsOthersAdded() {
    ObjectNode live = json("{'spec':{'containers':[{'name':'app','image':'a:1',"
        + "'imagePullPolicy':'IfNotPresent'},{'name':'sidecar','image':'proxy'}]}}");
    ObjectNode last = json("{'spec':{'containers':[{'name':'app','image':'a:1'}]}}");
    ObjectNode desired = json("{'spec':{'containers':[{'name':'app','image':'a:2'}]}}");

    ObjectNode merged = ClientSideMerge.merge(live, last, desired);

    assertThat(merged).isEqualTo(json("{'spec':{'containers':[{'name':'app','image':'a:2',"
        + "'imagePullPolicy':'IfNotPresent'},{'name':'sidecar','image':'proxy'}]}}"));
  }

  @Test
  void anElementThisManifestAppliedBeforeAndDroppedGoes() {
    ObjectNode live = json("{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}");
    ObjectNode last = json("{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}");
    ObjectNode desired = json("{'env':[{'name':'A','value':'1'}]}");

    assertThat(ClientSideMerge.merge(live, last, desired))
        .isEqualTo(json("{'env':[{'name':'A','value':'1'}]}"));
  }

  @Test
  void otherListsAreReplaced() {
    ObjectNode live = json("{'args':['a','b'],'mounts':[{'name':'v','path':'/a'},"
        + "{'name':'v','path':'/b'}]}");
    ObjectNode desired = json("{'args':['c'],'mounts':[{'name':'v','path':'/c'},"
        + "{'name':'v','path':'/d'}]}");

    assertThat(ClientSideMerge.merge(live, null, desired)).isEqualTo(desired);
  }

  @Test
  void theLastAppliedRecordLeavesItselfOut() {
    ObjectNode manifest = json("{'metadata':{'name':'c','annotations':{"
        + "'kubectl.kubernetes.io/last-applied-configuration':'{}'}}}");
    assertThat(ClientSideMerge.lastAppliedOf(manifest)).isEqualTo(json("{'metadata':"
        + "{'name':'c'}}"));
    ObjectNode withOthers = json("{'metadata':{'name':'c','annotations':{'a':'b',"
        + "'kubectl.kubernetes.io/last-applied-configuration':'{}'}}}");
    assertThat(ClientSideMerge.lastAppliedOf(withOthers)).isEqualTo(json("{'metadata':"
        + "{'name':'c','annotations':{'a':'b'}}}"));
  }
}

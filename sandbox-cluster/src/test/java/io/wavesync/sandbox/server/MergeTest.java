package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void strategicMergeMergesContainersByNameAndKeepsOthers() throws Exception {
    JsonNode live = json("{'spec':{'containers':[{'name':'a','image':'a:1','args':['x']},"
        + "{'name':'b','image':'b:1'}]}}");
    JsonNode patch = json("{'spec':{'containers':[{'name':'a','image':'a:2'}]}}");

    JsonNode merged = Merge.apply(live, patch, Merge.Mode.STRATEGIC);

    assertThat(merged).isEqualTo(json("{'spec':{'containers':[{'name':'a','image':'a:2',"
        + "'args':['x']},{'name':'b','image':'b:1'}]}}"));
  }

  @Test
  void strategicMergeHonoursDeleteDirectivesAndNulls() throws Exception {
    JsonNode live = json("{'metadata':{'labels':{'a':'1','b':'2'}},"
        + "'spec':{'containers':[{'name':'a'},{'name':'b'}]}}");
    JsonNode patch = json("{'metadata':{'labels':{'b':null}},"
        + "'spec':{'$setElementOrder/containers':[{'name':'a'}],"
        + "'containers':[{'name':'b','$patch':'delete'}]}}");

    JsonNode merged = Merge.apply(live, patch, Merge.Mode.STRATEGIC);

    assertThat(merged).isEqualTo(json("{'metadata':{'labels':{'a':'1'}},"
        + "'spec':{'containers':[{'name':'a'}]}}"));
  }

  @Test
  void finalizersMergeAsASet() throws Exception {
    JsonNode live = json("{'metadata':{'finalizers':['foregroundDeletion']}}");
    JsonNode patch = json("{'metadata':{'finalizers':['argocd.argoproj.io/hook-finalizer']}}");

    JsonNode merged = Merge.apply(live, patch, Merge.Mode.APPLY);

    assertThat(merged.path("metadata").path("finalizers")).isEqualTo(
        json("['foregroundDeletion','argocd.argoproj.io/hook-finalizer']"));
  }

  @Test
  void applyReplacesAssociativeListsButKeepsDefaultedFieldsOfKeptElements() throws Exception {
    JsonNode live = json("{'spec':{'ports':[{'port':80,'protocol':'TCP','nodePort':30001},"
        + "{'port':443,'protocol':'TCP'}]}}");
    JsonNode patch = json("{'spec':{'ports':[{'port':80}]}}");

    JsonNode merged = Merge.apply(live, patch, Merge.Mode.APPLY);

    assertThat(merged).isEqualTo(json(
        "{'spec':{'ports':[{'port':80,'protocol':'TCP','nodePort':30001}]}}"));
  }

  @Test
  void jsonMergePatchReplacesListsAndDeletesNulls() throws Exception {
    JsonNode live = json("{'a':{'b':1,'c':2},'list':[1,2,3]}");
    JsonNode patch = json("{'a':{'c':null,'d':4},'list':[9]}");

    assertThat(Merge.apply(live, patch, Merge.Mode.JSON_MERGE))
        .isEqualTo(json("{'a':{'b':1,'d':4},'list':[9]}"));
  }
}

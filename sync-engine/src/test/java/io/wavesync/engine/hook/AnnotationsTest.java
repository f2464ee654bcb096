package io.wavesync.engine.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

/** The CSV rule of spec §1 ({@code GetAnnotationCSVs}). */
class AnnotationsTest {

  @Test
  void csvOfAnAbsentOrEmptyValueIsEmpty() {
    assertThat(Annotations.csv(null)).isEmpty();
    assertThat(Annotations.csv("")).isEmpty();
  }

  @Test
  void csvSplitsOnCommasAndKeepsOrder() {
    assertThat(Annotations.csv("PostSync,PreSync")).containsExactly("PostSync", "PreSync");
    assertThat(Annotations.csv("c,b,a")).containsExactly("c", "b", "a");
    assertThat(Annotations.csv("single")).containsExactly("single");
  }

  @Test
  void csvTrimsWhitespaceAroundEachItem() {
    assertThat(Annotations.csv(" PreSync , PostSync ")).containsExactly("PreSync", "PostSync");
    assertThat(Annotations.csv("\tPreSync\n,\r\nSync ")).containsExactly("PreSync", "Sync");
    // inner whitespace is part of the item
    assertThat(Annotations.csv("Pre Sync")).containsExactly("Pre Sync");
  }

  @Test
  void csvTrimsUnicodeWhiteSpaceLikeGo() {
    // Go's strings.TrimSpace also trims NEL and no-break space, which Java's strip() keeps
    assertThat(Annotations.csv("\u00A0PreSync\u0085,\u2003Sync")).containsExactly("PreSync", "Sync");
  }

  @Test
  void csvDropsEmptyItems() {
    assertThat(Annotations.csv(",")).isEmpty();
    assertThat(Annotations.csv(" ")).isEmpty();
    assertThat(Annotations.csv(" , ,, ")).isEmpty();
    assertThat(Annotations.csv(",PreSync,,PostSync,")).containsExactly("PreSync", "PostSync");
  }

  @Test
  void csvDropsDuplicatesKeepingTheFirstOccurrence() {
    assertThat(Annotations.csv("b,a,b,c,a")).containsExactly("b", "a", "c");
    // duplicates are detected after trimming
    assertThat(Annotations.csv("a, a ,a")).containsExactly("a");
    // values are case-sensitive, so these are not duplicates
    assertThat(Annotations.csv("Sync,sync,SYNC")).containsExactly("Sync", "sync", "SYNC");
  }

  @Test
  void csvIsAppliedToEveryMultiValueAnnotation() {
    KubeObject obj = KubeObject.of("v1", "Pod", "ns", "p")
        .withAnnotation(Annotations.HOOK, " PostSync ,, PreSync,PostSync")
        .withAnnotation(Annotations.HOOK_DELETE_POLICY, " HookFailed ,HookSucceeded, HookFailed")
        .withAnnotation(Annotations.SYNC_OPTIONS, " Replace=true ,,Prune=false,Replace=true");

    assertThat(Hooks.types(obj)).containsExactly(HookType.PostSync, HookType.PreSync);
    assertThat(Hooks.deletePolicies(obj))
        .containsExactly(DeletePolicy.HookFailed, DeletePolicy.HookSucceeded);
    assertThat(SyncOptions.of(obj)).containsExactly("Replace=true", "Prune=false");
  }

  @Test
  void keyValueOptionsTakeTheFirstItemWithTheKey() {
    KubeObject obj = KubeObject.of("v1", "Pod", "ns", "p")
        .withAnnotation(Annotations.SYNC_OPTIONS, "Prune=confirm, Prune=false");

    assertThat(SyncOptions.value(obj, SyncOptions.PRUNE_KEY)).contains("confirm");
    assertThat(SyncOptions.value(obj, "Delete")).isEmpty();
  }
}

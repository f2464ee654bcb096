package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnsweredCommandsTest {

  @Test
  void aRememberedAnswerIsGivenAgain() {
    AnsweredCommands<String> answered = new AnsweredCommands<>(10);
    answered.remember("op/0/1/0", "done");
    assertThat(answered.answerTo("op/0/1/0")).contains("done");
    assertThat(answered.answerTo("op/0/1/1")).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedAnswerIsForgottenFirst() {
    AnsweredCommands<String> answered = new AnsweredCommands<>(2);
    answered.remember("a", "1");
    answered.remember("b", "2");
    answered.answerTo("a");
    answered.remember("c", "3");

    assertThat(answered.size()).isEqualTo(2);
    assertThat(answered.answerTo("a")).contains("1");
    assertThat(answered.answerTo("b")).isEmpty();
    assertThat(answered.answerTo("c")).contains("3");
  }

  @Test
  void needsRoomForAtLeastOneAnswer() {
    assertThatThrownBy(() -> new AnsweredCommands<String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.wavesync.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to the most recently carried out commands, by command id. Kafka delivers at least
 * once and the planner re-sends a command it has not seen answered, so the same command can arrive
 * again; it is answered with the answer it already got instead of being carried out twice. Bounded:
 * the oldest answers are forgotten first.
 *
 * @param <A> the answer
 */
public final class AnsweredCommands<A> {

  private final int capacity;
  private final Map<String, A> answers;

  public AnsweredCommands(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.answers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, A> eldest) {
        return size() > AnsweredCommands.this.capacity;
      }
    };
  }

  /** The answer already given to {@code commandId}, if it is still remembered. */
  public synchronized Optional<A> answerTo(String commandId) {
    return Optional.ofNullable(answers.get(commandId));
  }

  /** Remembers the answer to {@code commandId}. */
  public synchronized void remember(String commandId, A answer) {
    answers.put(commandId, answer);
  }

  public synchronized int size() {
    return answers.size();
  }
}

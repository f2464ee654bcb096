package io.wavesync.runner.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.runner.messaging.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code phase-runner.phases} into the {@code enabled} flag of each wave channel, so that a
 * deployment for one phase opens a consumer for that phase's topic only. Its ordinal is below
 * {@code application.properties}, so an explicit {@code mp.messaging.incoming.<channel>.enabled}
 * anywhere still wins.
 */
public class PhaseChannels implements ConfigSourceFactory {

  public static final String PHASES_PROPERTY = "phase-runner.phases";
  static final int ORDINAL = 200;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue value = context.getValue(PHASES_PROPERTY);
    return List.of(new PropertiesConfigSource(
        enabledFlags(value == null ? null : value.getValue()), "phase-runner-channels", ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /**
   * {@code mp.messaging.incoming.<channel>.enabled} for every wave channel, from a comma-separated
   * list of phase names (all phases when absent).
   *
   * @throws IllegalArgumentException for a name that is not a sync phase, or an empty list
   */
  public static Map<String, String> enabledFlags(String phases) {
    List<SyncPhase> selected = parse(phases);
    Map<String, String> flags = new LinkedHashMap<>();
    for (SyncPhase phase : SyncPhase.values()) {
      flags.put("mp.messaging.incoming." + Channels.wave(phase) + ".enabled",
          String.valueOf(selected.contains(phase)));
    }
    return flags;
  }

  static List<SyncPhase> parse(String phases) {
    if (phases == null || phases.isBlank()) {
      return Arrays.asList(SyncPhase.values());
    }
    List<SyncPhase> selected = new ArrayList<>();
    for (String part : phases.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      SyncPhase phase = Arrays.stream(SyncPhase.values())
          .filter(p -> p.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(PHASES_PROPERTY + ": '" + name
              + "' is not a sync phase; expected some of PreSync, Sync, PostSync, SyncFail"));
      selected.add(phase);
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(PHASES_PROPERTY + " names no phase");
    }
    return selected;
  }
}

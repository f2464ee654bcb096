#!/usr/bin/env bash
# Creates wavesync's topics on any Kafka with the kafka-topics command-line tool: the same topics
# and settings as deploy/kafka/strimzi/topics.yaml. Idempotent (--if-not-exists): a topic that
# exists already is left exactly as it is, settings included (change those with
# kafka-configs.sh --alter).
#
# Usage: create-topics.sh [--bootstrap-server HOST:PORT] [--replication-factor N]
#                         [--command-config FILE] [--dry-run]
#
#   --bootstrap-server    brokers; default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092
#   --replication-factor  replicas of every topic; default $REPLICATION_FACTOR, else 3.
#                         min.insync.replicas follows: 2 from three replicas up, else 1
#   --command-config      client properties for a secured broker (security.protocol, sasl.*,
#                         ssl.*), passed to the tool as is
#   --dry-run             print the commands instead of running them
#
# The tool, first found of:
#   $KAFKA_TOPICS_CMD                     a command line, e.g. "/opt/kafka/bin/kafka-topics.sh"
#   kafka-topics.sh on the PATH           an Apache Kafka distribution
#   $KAFKA_HOME/bin/kafka-topics.sh
#   kafka-topics on the PATH              the name some packages install it under
#   $KAFKA_CLASSPATH                      jars holding the tool (kafka-tools and its dependencies,
#                                         e.g. from Maven Central): runs
#                                         org.apache.kafka.tools.TopicCommand (Kafka 3.5 and
#                                         later) or kafka.admin.TopicCommand (older) with
#                                         $JAVA_HOME/bin/java, else java
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}"
replication="${REPLICATION_FACTOR:-3}"
command_config=""
dry_run=false

while [ $# -gt 0 ]; do
  case "$1" in
    --bootstrap-server) bootstrap="$2"; shift 2 ;;
    --replication-factor) replication="$2"; shift 2 ;;
    --command-config) command_config="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "create-topics.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$replication" in
  ''|*[!0-9]*|0)
    echo "create-topics.sh: --replication-factor must be a positive number" >&2
    exit 2
    ;;
esac
if [ "$replication" -ge 3 ]; then min_isr=2; else min_isr=1; fi

# The tool as an array, so that paths with spaces survive.
tool=()
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
if [ -n "${KAFKA_TOPICS_CMD:-}" ]; then
  read -r -a tool <<< "$KAFKA_TOPICS_CMD"
elif command -v kafka-topics.sh >/dev/null 2>&1; then
  tool=(kafka-topics.sh)
elif [ -n "${KAFKA_HOME:-}" ] && [ -x "$KAFKA_HOME/bin/kafka-topics.sh" ]; then
  tool=("$KAFKA_HOME/bin/kafka-topics.sh")
elif command -v kafka-topics >/dev/null 2>&1; then
  tool=(kafka-topics)
elif [ -n "${KAFKA_CLASSPATH:-}" ]; then
  # The class moved from the Scala core to the tools module in Kafka 3.5.
  main="org.apache.kafka.tools.TopicCommand"
  if ! "$java_bin" -cp "$KAFKA_CLASSPATH" "$main" --version >/dev/null 2>&1; then
    main="kafka.admin.TopicCommand"
  fi
  tool=("$java_bin" -cp "$KAFKA_CLASSPATH" "$main")
elif [ "$dry_run" = true ]; then
  tool=(kafka-topics.sh)
else
  echo "create-topics.sh: no kafka-topics tool found: put kafka-topics.sh on the PATH, or set" \
    "KAFKA_TOPICS_CMD, KAFKA_HOME or KAFKA_CLASSPATH" >&2
  exit 1
fi

connection=(--bootstrap-server "$bootstrap")
if [ -n "$command_config" ]; then connection+=(--command-config "$command_config"); fi

create() {
  local topic="$1" partitions="$2"
  shift 2
  local args=(--create --if-not-exists --topic "$topic" --partitions "$partitions"
    --replication-factor "$replication" --config "min.insync.replicas=$min_isr")
  local config
  for config in "$@"; do args+=(--config "$config"); done
  if [ "$dry_run" = true ]; then
    echo "${tool[*]} ${connection[*]} ${args[*]}"
  else
    "${tool[@]}" "${connection[@]}" "${args[@]}"
  fi
}

week=604800000
two_weeks=1209600000

# Keyed by application, 12 partitions: the most consumers any group can use (planner members,
# runners of one phase, cleanup consumers). wavesync.sync-requests and wavesync.observations
# feed the same planner tasks and must keep equal partition counts.
for topic in wavesync.sync-requests wavesync.waves.presync wavesync.waves.sync \
  wavesync.waves.postsync wavesync.waves.syncfail wavesync.cleanup wavesync.observations; do
  create "$topic" 12 cleanup.policy=delete "retention.ms=$week"
done

# The latest operation state per application, kept for good; segments roll hourly so that
# compaction can drop old states, and tombstones stay a day for slow readers.
create wavesync.operations 12 cleanup.policy=compact segment.ms=3600000 \
  min.cleanable.dirty.ratio=0.1 delete.retention.ms=86400000

# Dead letters, kept two weeks for inspection.
for topic in wavesync.sync-requests wavesync.waves.presync wavesync.waves.sync \
  wavesync.waves.postsync wavesync.waves.syncfail wavesync.cleanup wavesync.observations \
  wavesync.operations; do
  create "$topic.dlq" 3 cleanup.policy=delete "retention.ms=$two_weeks"
done

#!/usr/bin/env bash
# Runs the load driver against the local stack (deploy/local/up.sh --no-demo must be running).
# Builds bench/target/benchmarks.jar first if it is missing or older than the bench sources.
#   bench/run-load.sh --mode hooks --apps 50 --waves 3 --rate 10 --duration 60
#   bench/run-load.sh --mode trivial --apps 400 --rate 100 --duration 60
#   bench/run-load.sh --help
set -euo pipefail
root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jar=bench/target/benchmarks.jar
if [[ ! -f $jar || -n $(find bench/src/main bench/pom.xml events-schema/src/main -newer "$jar" -print -quit) ]]; then
  echo "building $jar ..." >&2
  mvn -B -ntp -q -pl bench -am package -DskipTests >&2
fi
java=java
[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
# the driver shares the machine with what it measures: keep it small
exec "$java" -Xmx512m -XX:+UseSerialGC -cp "$jar" io.wavesync.bench.load.LoadDriver "$@"

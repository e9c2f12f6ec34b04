#!/usr/bin/env bash
# The sweep benchmark (issue 12; bench/README.md, "Sweeps: Spark against a plain loop"): a timed benchmark
# (wall clock, not JMH, not a unit test). In one JVM and one session, SweepBench runs each sweep below on
# Spark (local[2] unless --master is given) and as a plain loop, each after a warm-up, in 3 rounds of
# Spark-then-loop (the median round is the headline), checks that every sweep.csv is byte-identical (exit 1
# if not), and writes bench/results/sweep-<date>-<commit>.json. About 4 minutes on a busy 2-core machine.
#
#   bench/sweep-bench.sh                     # build if needed (offline Maven), import the day if needed, run
#   bench/sweep-bench.sh --master 'local[1]' # extra arguments go to SweepBench (--master, --warmup N, --rounds R)
#   TC_SWEEP_BENCH_SYNTHETIC=0 bench/sweep-bench.sh   # only the futures day (no run-length sweeps)
#
# The sweeps (32 market-maker runs each):
#   usdm-day     runtime/local/usdm-btcusdt.json over the imported USD-M BTCUSDT day of 2024-08-08
#                (530,665 market events; imported once into bench/target/bench-data/ with the runtime's
#                importer), halfSpreadTicks 2,5,10,20 x quoteQtyLots 1,2,4,8 x replaceThresholdTicks 1,3
#   synthetic-N  runtime/local/local.json's seeded synthetic market of N events (N = 2,000, 20,000,
#                200,000), halfSpreadTicks 1..4 x quoteQtyLots 500,1000 x seeds 1..4: where Spark's per-task
#                overhead stops mattering
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

cp_file=bench/target/sweep-classpath.txt
classes=bench/target/classes
stamp=bench/target/sweep-bench.built
# Build when never built by this script, or when a source or pom it depends on changed since.
if [[ ! -f "$cp_file" || ! -f "$classes/io/tradingchassis/bench/SweepBench.class" || ! -f "$stamp" ]] \
  || [[ -n "$(find core runtime replay sweep bench/src pom.xml bench/pom.xml -newer "$stamp" \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -not -path '*/target/*' -print -quit)" ]]; then
  echo "sweep-bench.sh: building (mvn -B -o -q package -DskipTests -pl bench -am)" >&2
  mvn -B -o -q package -DskipTests -pl bench -am
  touch "$stamp"
fi
cp="$classes:$(cat "$cp_file")"

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
# The JVM flags ./tc-sweep uses: heap, JDK 25 flags (ignored on 17), Chronicle/Agrona's opens and exports.
jvm=(-Xmx${TC_SWEEP_HEAP:-2g}
  -XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports java.base/sun.nio.ch=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED)
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

work=bench/target/sweep-bench
mkdir -p "$work"

# The futures day: imported once (BenchStreams, the runtime's importer), its id is the file's sha256.
day=usdm-btcusdt_20240808
read -r day_path day_id < <("$java_cmd" "${jvm[@]}" -cp "$cp" io.tradingchassis.bench.BenchDataset "$day")
cat > "$work/usdm-day.json" <<EOF
{
  "base": "$root/runtime/local/usdm-btcusdt.json",
  "axes": {
    "strategy.parameters.halfSpreadTicks": [2, 5, 10, 20],
    "strategy.parameters.quoteQtyLots": [1, 2, 4, 8],
    "strategy.parameters.replaceThresholdTicks": [1, 3]
  },
  "datasets": [ { "id": "$day_id", "path": "$day_path" } ]
}
EOF
sweeps=("usdm-day=$work/usdm-day.json")

if [[ "${TC_SWEEP_BENCH_SYNTHETIC:-1}" != 0 ]]; then
  for n in 2000 20000 200000; do
    cat > "$work/synthetic-$n.json" <<EOF
{
  "base": "$root/runtime/local/local.json",
  "axes": {
    "syntheticMarket.events": [$n],
    "strategy.parameters.halfSpreadTicks": [1, 2, 3, 4],
    "strategy.parameters.quoteQtyLots": [500, 1000],
    "syntheticMarket.seed": [1, 2, 3, 4]
  },
  "datasets": "synthetic"
}
EOF
    sweeps+=("synthetic-$n=$work/synthetic-$n.json")
  done
fi

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core runtime replay sweep bench || echo "-dirty")
out="bench/results/sweep-$(date -u +%Y-%m-%d)-$commit.json"
exec "$java_cmd" "${jvm[@]}" -cp "$cp" io.tradingchassis.bench.SweepBench --work "$work" --out "$out" \
  --commit "$commit" --rounds 3 "$@" "${sweeps[@]}"

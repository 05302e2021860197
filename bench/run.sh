#!/usr/bin/env bash
# Benchmark of the portal on its embedded defaults (H2, dev outbox, demo data), loopback only.
#   bench/run.sh            the standard run: start-up, 20 s warm-up, 30 s of -c32 on the start page,
#                           identify medians (known vs unknown user), RSS after the load
#   bench/run.sh --soak     ten one-minute runs back to back, to show throughput does not sag
# Results are appended to docs/benchmarks.md with the date and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
# The newest JDK on the machine unless BENCH_JAVA names one (the portal runs on 17, 21 and 25).
BENCH_JAVA=${BENCH_JAVA:-$(ls -d /usr/lib/jvm/*-25-* 2>/dev/null | head -1)/bin/java}
[ -x "$BENCH_JAVA" ] || BENCH_JAVA=$(command -v java)
JAVA_MAJOR=$("$BENCH_JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
# The JVM and server settings the README recommends for a small (2-core) instance.
# C1 only and periodic native-heap trimming trade some peak throughput for ~80 MiB less memory.
JAVA_OPTS=${JAVA_OPTS:-"-Xmx60m -XX:NewSize=10m -XX:MaxNewSize=10m -Xss256k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=1000"}
SERVER_OPTS=${SERVER_OPTS:-"--server.tomcat.threads.max=8"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# The identify harness sends hundreds of lookups from 127.0.0.1: lift the per-address and per-user
# lookup limits for this run only (the throttle itself is covered by the test suite).
LIMITS="--sspr.throttle.lookup-per-address=1000000/PT1M --sspr.throttle.lookup-per-user=1000000/PT1M"
SOAK=false
[ "${1:-}" = "--soak" ] && SOAK=true

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
JAR=$(ls target/sspr-portal-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/sspr-portal-*.jar | grep -v original | head -1)
fi
# A training run that stops after start-up writes the class cache, later starts map it: the JDK 25
# AOT cache, or class data sharing on older JDKs (Spring Boot's documented recipe).
mkdir -p target/bench
rm -rf target/bench/app && "$BENCH_JAVA" -Djarmode=tools -jar "$JAR" extract --destination target/bench/app >/dev/null
APP=target/bench/app/$(basename "$JAR")
if [ "$JAVA_MAJOR" -ge 25 ]; then
  TRAIN="-XX:AOTCacheOutput=target/bench/app.aot"; CACHE="-XX:AOTCache=target/bench/app.aot"; CACHE_NAME="AOT cache"
else
  TRAIN="-XX:ArchiveClassesAtExit=target/bench/app.jsa"; CACHE="-XX:SharedArchiveFile=target/bench/app.jsa"; CACHE_NAME="CDS archive"
fi
"$BENCH_JAVA" $TRAIN -Dspring.context.exit=onRefresh $JAVA_OPTS -jar "$APP" \
  --spring.profiles.active=dev --server.port=$PORT >target/bench/training.log 2>&1 || true

LOG=target/bench/portal.log
start_ns=$(date +%s%N)
"$BENCH_JAVA" $CACHE $JAVA_OPTS -jar "$APP" --spring.profiles.active=dev \
  --server.port=$PORT $SERVER_OPTS $LIMITS >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fs "$BASE/reset" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "portal died"; cat "$LOG"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
spring_s=$(grep -oE 'Started SsprApplication in [0-9.]+ seconds' "$LOG" | grep -oE '[0-9.]+' | head -1)

wrk_run() { wrk -t2 -c32 -d"$1" --latency "$BASE/reset"; }
rps() { grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$'; }
pct() { grep -E "^ +$1%" | awk '{print $2}'; }

echo "warming up (20 s)"; wrk_run 20s >/dev/null
RESULTS=target/bench/results.txt
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "java: $("$BENCH_JAVA" -version 2>&1 | head -1)"
  echo "jvm options: $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, $CACHE_NAME; server: $SERVER_OPTS"
  echo "startup: ${ready_ms} ms to first page (Spring reports ${spring_s} s)"
} | tee "$RESULTS"

if $SOAK; then
  for minute in $(seq 1 10); do
    echo "minute $minute: $(wrk_run 60s | rps) requests/s" | tee -a "$RESULTS"
  done
else
  out=$(wrk_run 30s)
  echo "$out" > target/bench/wrk.txt
  echo "start page: $(echo "$out" | rps) requests/s, p50 $(echo "$out" | pct 50), p99 $(echo "$out" | pct 99)" | tee -a "$RESULTS"
  "$BENCH_JAVA" bench/IdentifyBench.java "$BASE" 300 | tee -a "$RESULTS"
fi
echo "rss after load: $(( $(ps -o rss= -p $PID) / 1024 )) MiB" | tee -a "$RESULTS"

{
  echo
  echo "### $( $SOAK && echo 'Soak run' || echo 'Standard run' ), $(date -u +%Y-%m-%d)"
  echo
  echo '```'
  cat "$RESULTS"
  echo '```'
} >> docs/benchmarks.md
echo "appended to docs/benchmarks.md"

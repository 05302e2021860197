#!/usr/bin/env bash
# Full reset journeys on PostgreSQL, loopback only. Starts the packaged portal with the JVM
# arguments of the README's run command (pom.xml's <spring-boot.run.jvmArguments>, which
# `./mvnw spring-boot:run` uses) and profiles dev,postgres on a fresh database, then drives it with
# bench/JourneyBench.java (a separate JVM, which is also the SMTP server the codes go to).
#   bench/journeys.sh           warm-up, then Fabrikam (one method: email code) and Contoso (two:
#                               email code + three security questions) at 4 and 16 concurrent users
#   bench/journeys.sh --soak    ten minutes of Fabrikam journeys at 4 users, RSS every 10 s
#   PROFILE=1 bench/journeys.sh also records the run with JFR and prints where the CPU went
# Environment: PHASE_SECONDS (60), PORT (18081), SMTP_PORT (2526), PG (postgres@127.0.0.1:5432),
# DB (sspr_bench, dropped and made again), JVM_ARGS (default: the pom's), JAVA (the JDK on PATH),
# PHASES (tenant:users:seconds ..., see bench/JourneyBench.java), SERVER_OPTS (see below).
# What the run lifts, and why: the throttles (lookup, send and try limits per address, user,
# account and destination) to 1,000,000 a minute, as every journey comes from 127.0.0.1 and the
# same few accounts reset many times an hour. Everything else is the default.
# Results go to target/bench/journeys-*.txt; copy what matters into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18081}
SMTP_PORT=${SMTP_PORT:-2526}
PHASE_SECONDS=${PHASE_SECONDS:-60}
DB=${DB:-sspr_bench}
PSQL="psql -q -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1"
JAVA=${JAVA:-java}
SOAK=false
[ "${1:-}" = "--soak" ] && SOAK=true
# The README's run command: the heap and collector it sets live in one place, the pom.
JVM_ARGS=${JVM_ARGS-$(sed -n 's:.*<spring-boot.run.jvmArguments>\(.*\)</spring-boot.run.jvmArguments>.*:\1:p' pom.xml | head -1)}
# The README's request threads for a small instance: with Tomcat's 200, 16 users at once hold all of
# Hikari's 10 connections while each waits for a second one (the audit record's own transaction), and
# requests fail after 30 s (SERVER_OPTS= shows it).
SERVER_OPTS=${SERVER_OPTS-"--server.tomcat.threads.max=8"}

# JAR= names a jar to compare against (e.g. a copy built from main); otherwise this checkout's, rebuilt if stale.
if [ -n "${JAR:-}" ]; then :; else JAR=$(ls target/sspr-portal-*.jar 2>/dev/null | grep -v original | head -1 || true); fi
if [ -z "$JAR" ] || { [ "$JAR" = "$(ls target/sspr-portal-*.jar 2>/dev/null | grep -v original | head -1)" ] \
    && [ -n "$(find src/main pom.xml -newer "$JAR" -type f | head -1)" ]; }; then
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/sspr-portal-*.jar | grep -v original | head -1)
fi
mkdir -p target/bench
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"

JFR=target/bench/journeys.jfr
LOG=target/bench/journeys-portal.log
# shellcheck disable=SC2086
SSPR_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SSPR_DB_USER=postgres "$JAVA" $JVM_ARGS -jar "$JAR" \
  --spring.profiles.active=dev,postgres --server.port=$PORT --server.address=127.0.0.1 $SERVER_OPTS \
  --spring.mail.host=127.0.0.1 --spring.mail.port=$SMTP_PORT \
  --sspr.throttle.lookup-per-address=1000000/PT1M --sspr.throttle.lookup-per-user=1000000/PT1M \
  --sspr.throttle.send-per-account=1000000/PT1M --sspr.throttle.send-per-address=1000000/PT1M \
  --sspr.throttle.send-per-destination=1000000/PT1M --sspr.throttle.try-per-address=1000000/PT1M \
  >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/reset" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "portal died"; tail -50 "$LOG"; exit 1; }
  sleep 0.2
done

# Benchmark accounts, made once the demo data is in: 16 workers x 4 accounts per tenant, each with an
# email of its own; Contoso's in the SSPR group with Alex's three answers (Seattle, Lasagna, Rex).
$PSQL -d "$DB" <<'SQL'
insert into directory_user (tenant_id, user_id, display_name, given_name, surname, primary_email, auth_email,
    enabled, locked, licensed, password_source, password_hash, security_info_confirmed_at)
select t.id, 'bench-' || t.name || '-' || w || '-' || k || '@' || t.name || '.example', 'Bench ' || w || ' ' || k,
       'Bench', 'User' || w || k, 'bench-' || t.name || '-' || w || '-' || k || '@' || t.name || '.example',
       'bench-' || t.name || '-' || w || '-' || k || '@mail.bench.example', true, false, true, 'CLOUD',
       (select password_hash from directory_user where user_id = 'alex@contoso.example'), current_timestamp
from tenant t, generate_series(0, 15) w, generate_series(0, 3) k where t.name in ('contoso', 'fabrikam');
insert into user_group (user_id, group_name)
select id, 'SSPR Users' from directory_user where user_id like 'bench-contoso-%';
insert into security_answer (user_id, question_key, answer_hash)
select u.id, a.question_key, a.answer_hash from directory_user u, security_answer a
where u.user_id like 'bench-contoso-%'
  and a.user_id = (select id from directory_user where user_id = 'alex@contoso.example');
SQL

OUT=target/bench/journeys-$($SOAK && echo soak || echo standard).txt
RSS_LOG=target/bench/journeys-rss.txt
rm -f "$RSS_LOG"
# The JIT compiles for minutes on two busy cores; its CPU counts against the first journeys.
WARMUP=${WARMUP:-"fabrikam:4:60:quiet contoso:4:30:quiet"}
if $SOAK; then
  PHASES="fabrikam:4:600"
else
  S=$PHASE_SECONDS
  PHASES=${PHASES:-"fabrikam:4:$S fabrikam:16:$S contoso:4:$S contoso:16:$S"}
fi
bench() {
  # shellcheck disable=SC2086
  "$JAVA" bench/JourneyBench.java --base "http://127.0.0.1:$PORT" --smtp-port "$SMTP_PORT" --pid $PID \
    --clk-tck "$(getconf CLK_TCK)" --rss-log "$RSS_LOG" "$@"
}
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "java: $("$JAVA" -version 2>&1 | head -1); jvm arguments: ${JVM_ARGS:-none}"
  echo "portal: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with local changes)'), profiles dev,postgres; server: ${SERVER_OPTS:-defaults}"
  # shellcheck disable=SC2086
  bench $WARMUP
  # Only the measured phases are recorded: start-up and the JIT's warm-up would hide the journeys.
  [ "${PROFILE:-}" = "1" ] && jcmd $PID JFR.start name=bench settings=profile >/dev/null
  # shellcheck disable=SC2086
  bench $PHASES
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # What one unavoidable hash costs now, with the portal's own BouncyCastle, to read the CPU against.
  unzip -p "$JAR" "$(unzip -l "$JAR" | awk '/BOOT-INF\/lib\/bcprov/{print $4}')" > target/bench/bcprov.jar
  "$JAVA" -cp target/bench/bcprov.jar bench/Argon2Cost.java
  echo "rss at the end: $(( $(awk '/VmRSS/{print $2}' /proc/$PID/status) / 1024 )) MiB"
} 2>&1 | tee "$OUT"

if [ "${PROFILE:-}" = "1" ]; then
  jcmd $PID JFR.dump name=bench filename="$(pwd)/$JFR" >/dev/null
  python3 bench/jfr-hot.py "$JFR" | tee -a "$OUT"
fi

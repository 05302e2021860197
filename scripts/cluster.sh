#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind HAProxy (round robin, no sticky sessions), on one port,
# for a person to try what several instances do: a journey's requests alternate between them, and
# either may be stopped mid-journey.
#
#   scripts/cluster.sh start     build if needed, start PostgreSQL database, instances a and b, HAProxy
#   scripts/cluster.sh stop      stop the instances and HAProxy (the database and its demo data stay)
#   scripts/cluster.sh kill a    stop one instance (a or b) the hard way, as a crash would
#   scripts/cluster.sh status    which parts answer
#
# The demo runs the dev,postgres profiles: the demo tenants, the dev outbox (/dev/outbox shows every
# instance's messages) and Fabrikam's embedded directory, which lives in instance a (b uses it over
# LDAP; a real deployment points every instance at its own directory servers). The keys are made once
# and kept in target/cluster/keys.env, so a restart keeps registered apps and queued messages readable.
# Environment: SSPR_CLUSTER_PORT (8080), SSPR_CLUSTER_DB (sspr_cluster), PGHOST (127.0.0.1), PGUSER (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SSPR_CLUSTER_PORT:-8080}
DB=${SSPR_CLUSTER_DB:-sspr_cluster}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
STATE=target/cluster
LDAP_PORT=$((PORT + 389))
declare -A INSTANCE_PORT=([a]=$((PORT + 1)) [b]=$((PORT + 2)))
# The README's recommended JVM settings for a small instance.
JAVA_OPTS=${JAVA_OPTS:-"-Xmx192m -Xmn96m -XX:SurvivorRatio=1 -XX:+UseSerialGC -Xss512k"}

jar() {
  ls target/sspr-portal-*.jar 2>/dev/null | grep -v original | head -1 || true
}

answers() {
  curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
}

wait_for() {
  local url=$1 what=$2
  for _ in $(seq 1 120); do
    answers "$url" && return 0
    sleep 1
  done
  echo "$what did not come up; see $STATE/*.log" >&2
  return 1
}

start_instance() {
  local name=$1 port=${INSTANCE_PORT[$1]}
  local directory=(--sspr.ldap.embedded.enabled=true --sspr.ldap.embedded.port="$LDAP_PORT")
  if [ "$name" != a ]; then
    directory=(--sspr.ldap.embedded.enabled=false --sspr.ldap.url="ldap://127.0.0.1:$LDAP_PORT" --sspr.ldap.allow-insecure=true)
  fi
  # shellcheck disable=SC2086
  (set -a; . "$STATE/keys.env"; set +a
   exec java $JAVA_OPTS -jar "$(jar)" --spring.profiles.active=dev,postgres --server.port="$port" \
     --server.address=127.0.0.1 --server.forward-headers-strategy=native \
     --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER" \
     "${directory[@]}") >"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}

stop_pid() {
  local file=$1 signal=${2:-TERM}
  if [ -f "$file" ]; then
    kill "-$signal" "$(cat "$file")" 2>/dev/null || true
    rm -f "$file"
  fi
}

case "${1:-start}" in
  start)
    command -v haproxy >/dev/null || {
      echo "installing HAProxy from Debian's packages"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
    }
    [ -n "$(jar)" ] || ./mvnw -q -B -ntp -DskipTests package
    mkdir -p "$STATE"
    psql -h "$PGHOST" -U "$PGUSER" -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
      || psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB"
    if [ ! -f "$STATE/keys.env" ]; then
      umask 077
      for key in SSPR_VERIFICATION_TOTP_KEY SSPR_VERIFICATION_CODE_KEY SSPR_DELIVERY_OUTBOX_KEY SSPR_CAPTCHA_HMAC_KEY; do
        echo "$key=$(openssl rand -base64 32)"
      done >"$STATE/keys.env"
    fi
    # a first: it migrates the schema and holds the embedded directory b uses.
    start_instance a
    wait_for "http://127.0.0.1:${INSTANCE_PORT[a]}/actuator/health" "instance a"
    start_instance b
    wait_for "http://127.0.0.1:${INSTANCE_PORT[b]}/actuator/health" "instance b"
    cat >"$STATE/haproxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # The portal reads the client address from X-Forwarded-For (server.forward-headers-strategy=native
    # trusts it from loopback and private addresses only), for its per-address limits and audit.
    option forwardfor
frontend portal
    bind 127.0.0.1:$PORT
    http-request set-header X-Forwarded-Proto http
    default_backend instances
backend instances
    # Round robin and no stickiness: the session is in PostgreSQL, any instance serves any request.
    balance roundrobin
    option httpchk GET /actuator/health
    server a 127.0.0.1:${INSTANCE_PORT[a]} check inter 2s
    server b 127.0.0.1:${INSTANCE_PORT[b]} check inter 2s
EOF
    haproxy -D -f "$STATE/haproxy.cfg" -p "$STATE/haproxy.pid"
    echo "Two instances (a on ${INSTANCE_PORT[a]}, b on ${INSTANCE_PORT[b]}) behind http://localhost:$PORT/reset"
    echo "Codes: http://localhost:$PORT/dev/outbox. Logs: $STATE/a.log, $STATE/b.log. Stop: $0 stop"
    ;;
  stop)
    stop_pid "$STATE/haproxy.pid"
    stop_pid "$STATE/b.pid"
    stop_pid "$STATE/a.pid"
    ;;
  kill)
    [ -n "${2:-}" ] && [ -n "${INSTANCE_PORT[$2]:-}" ] || { echo "usage: $0 kill a|b" >&2; exit 2; }
    stop_pid "$STATE/$2.pid" KILL
    echo "instance $2 killed; HAProxy sends every request to the other within a few seconds"
    ;;
  status)
    for name in a b; do
      if answers "http://127.0.0.1:${INSTANCE_PORT[$name]}/actuator/health"; then echo "$name: up"; else echo "$name: down"; fi
    done
    if answers "http://127.0.0.1:$PORT/actuator/health"; then echo "proxy: up on $PORT"; else echo "proxy: down"; fi
    ;;
  *)
    echo "usage: $0 start|stop|kill a|b|status" >&2
    exit 2
    ;;
esac

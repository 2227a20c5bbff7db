#!/usr/bin/env bash
# Start-up time and memory of each service beside an empty Quarkus REST application (startup-baseline/: one JSON
# endpoint and health, same Quarkus release), both packaged and run the same way: the fast-jar with the JVM
# settings of the images (deploy/local/rapport jvm-options), each application alone on the machine.
# Needs PostgreSQL and Kafka (deploy/local/rapport infra) and the services built; stops the running services first.
#   1. a first start without a class-data archive: ready time, then STARTUP_LOAD_SECONDS (20) of load (hey, 16
#      clients, a read of the service's main list, the scheduler's for one rep; the baseline's /hello); the JVM
#      records the application's AppCDS archive (app-cds.jsa beside the jar) when it exits;
#   2. STARTUP_ROUNDS (3) starts with that archive: the best ready time; after the last one the resident memory
#      once idle and after the same load.
# "ready" runs from the moment java is started to the first 200 of /q/health/ready (polled without forking, every
# 10 ms). Prints each figure beside the baseline's with the ratio. It checks that every application became ready
# and answered the load, never how fast.
#   deploy/benchmarks/startup.sh
#   STARTUP_SERVICES=scheduler-service deploy/benchmarks/startup.sh   # the baseline and one service
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
rapport="$root/deploy/local/rapport"
rounds=${STARTUP_ROUNDS:-3}
load_seconds=${STARTUP_LOAD_SECONDS:-20}
port=18090
work=$(mktemp -d)
trap 'stop_app; rm -rf "$work"' EXIT

say() { printf '%s\n' "$*"; }
now_ms() { date +%s%3N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'; }
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

for tool in hey curl; do
    command -v "$tool" >/dev/null || apt-get install -y -qq "$tool" >/dev/null
done

# Globals rather than command substitution, so that the process started is known to stop_app and the EXIT trap.
pid=
ready_ms=
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
ready() { # the readiness probe answers 200; bash's /dev/tcp, so that polling forks nothing beside the start-up
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    local status_line=
    read -r status_line <&3 || true
    exec 3<&- 3>&-
    [[ $status_line == "HTTP/1."?" 200 "* ]]
}

start_app() { # <dir> <jar> <--record|--use> <env...>: starts the jar, sets pid and ready_ms
    local dir=$1 jar=$2 mode=$3
    shift 3
    local started options
    options="$("$rapport" jvm-options $([[ $mode == --record ]] && echo --record) "$jar")"
    mapfile -t options <<<"$options"
    port_free || { say "port $port is in use" >&2; return 1; }
    started=$(now_ms)
    (cd "$dir" && exec env "$@" QUARKUS_HTTP_PORT=$port java "${options[@]}" -jar "$jar" >"$work/app.log" 2>&1) &
    pid=$!
    until ready 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { say "the application exited:" >&2; tail -20 "$work/app.log" >&2; return 1; }
        (($(now_ms) - started < 120000)) || { say "not ready in 120 s" >&2; return 1; }
        sleep 0.01
    done
    ready_ms=$(($(now_ms) - started))
}

stop_app() { # stops it and waits for its exit (an archive being recorded is written by then)
    [[ -n ${pid:-} ]] || return 0
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    pid=
    local waited=0
    until port_free || ((waited++ > 500)); do sleep 0.01; done
}

load() { # <name> <url> <token>
    hey -z "${load_seconds}s" -c 16 -T application/json ${3:+-H "Authorization: Bearer $3"} "$2" >"$work/hey.txt"
    # the status lines of hey's summary: "  [200]	2333 responses"
    grep -Eq '^\s+\[200\]\s+[0-9]+ responses' "$work/hey.txt" ||
        { say "$1: the load got no 200:" >&2; cat "$work/hey.txt" >&2; return 1; }
    if grep -Eq '^\s+\[[^2][0-9]{2}\]\s+[0-9]+ responses|^Error distribution' "$work/hey.txt"; then
        say "$1: the load got errors:" >&2
        cat "$work/hey.txt" >&2
        return 1
    fi
}

result=
measure() { # <name> <dir> <jar> <load url> <token> <env...>: sets result to "name cold_ms ready_ms idle_mb loaded_mb"
    local name=$1 dir=$2 jar=$3 url=$4 token=$5 cold best=999999 round idle loaded
    shift 5
    rm -f "$(dirname "$jar")/app-cds.jsa"
    start_app "$dir" "$jar" --record "$@"
    cold=$ready_ms
    load "$name" "$url" "$token"
    stop_app
    [[ -f $(dirname "$jar")/app-cds.jsa ]] || { say "$name: no class-data archive was recorded" >&2; return 1; }
    for ((round = 1; round <= rounds; round++)); do
        start_app "$dir" "$jar" --use "$@"
        grep -q 'Unable to use shared archive' "$work/app.log" && { say "$name: the archive was refused" >&2; return 1; }
        ((ready_ms < best)) && best=$ready_ms
        ((round == rounds)) || stop_app
    done
    sleep 5
    idle=$(rss_mb "$pid")
    load "$name" "$url" "$token"
    sleep 2
    loaded=$(rss_mb "$pid")
    stop_app
    result="$name $cold $best $idle $loaded"
    say "  $result" >&2
}

say "preparing: infrastructure up, services stopped, baseline packaged ..."
"$rapport" down >/dev/null
"$rapport" infra >/dev/null
quarkus_version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$root/pom.xml")
mvn -B -q -f "$here/startup-baseline/pom.xml" package -DskipTests -Dquarkus.platform.version="$quarkus_version" \
    >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; exit 1; }
token=$("$rapport" token "startup-bench" admin)
db_env=(RAPPORT_DB_HOST="${RAPPORT_DB_HOST:-127.0.0.1}" RAPPORT_DB_PORT="${RAPPORT_DB_PORT:-5432}"
    RAPPORT_DB_USER="${RAPPORT_DB_USER:-rapport}" RAPPORT_DB_PASSWORD="${RAPPORT_DB_PASSWORD:-rapport}"
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/deploy/local/.run/jwt/publicKey.pem"
    RAPPORT_JWT_ISSUER=https://rapport.local RAPPORT_JWT_AUDIENCE=rapport)

say "measuring (name, first start ms, best start with the archive ms, idle MB, loaded MB):"
results=()
measure baseline "$here/startup-baseline" "$here/startup-baseline/target/quarkus-app/quarkus-run.jar" \
    "http://127.0.0.1:$port/hello" "" X=1
results+=("$result")
declare -A lists=([contacts-service]=/api/v1/contacts [interactions-service]=/api/v1/interactions
    [feedback-service]=/api/v1/surveys [scheduler-service]=/api/v1/tasks?owner=alice)
for service in ${STARTUP_SERVICES:-contacts-service interactions-service feedback-service scheduler-service}; do
    measure "$service" "$root/$service" "$root/$service/target/quarkus-app/quarkus-run.jar" \
        "http://127.0.0.1:$port${lists[$service]}" "$token" "${db_env[@]}" RAPPORT_DB_NAME="${service%-service}"
    results+=("$result")
done

read -r _ base_cold base_ms base_idle base_loaded <<<"${results[0]}"
say ""
say "JVM options: $("$rapport" jvm-options | tr '\n' ' ')"
say "ready: ms from starting java to the first 200 of /q/health/ready; RSS in MB, idle and after ${load_seconds} s of load"
printf '%-21s %15s %7s %16s %7s %9s %7s %11s %7s\n' application "ready, no CDS" ratio "ready, AppCDS" ratio \
    "idle RSS" ratio "loaded RSS" ratio
for line in "${results[@]}"; do
    read -r name cold ms idle loaded <<<"$line"
    printf '%-21s %15s %7s %16s %7s %9s %7s %11s %7s\n' "$name" "$cold" "$(ratio "$cold" "$base_cold")" \
        "$ms" "$(ratio "$ms" "$base_ms")" "$idle" "$(ratio "$idle" "$base_idle")" \
        "$loaded" "$(ratio "$loaded" "$base_loaded")"
done

#!/usr/bin/env bash
# Benchmark: how many events a second the scheduler applies from Kafka (default 50,000 events), and how long its
# sweep takes over a projection of 1,000,000 contacts. Runs SchedulerBenchmark, a @QuarkusTest that `mvn verify`
# leaves out, against the local PostgreSQL and Kafka in a database of its own (scheduler_bench_test), and prints
# its BENCHMARK lines. Extra arguments go to Maven (e.g. -o).
#   BENCHMARK_EVENTS=50000 BENCHMARK_CONTACTS=1000000 deploy/benchmarks/scheduler.sh [mvn args]
set -euo pipefail

events=${BENCHMARK_EVENTS:-50000}
contacts=${BENCHMARK_CONTACTS:-1000000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
log_dir="$root/deploy/local/.run/logs"
build_log="$log_dir/scheduler-benchmark.log"

db_host=${RAPPORT_DB_HOST:-127.0.0.1}
db_port=${RAPPORT_DB_PORT:-5432}
db_user=${RAPPORT_DB_USER:-rapport}
db_password=${RAPPORT_DB_PASSWORD:-rapport}
# The test profile appends _test: the services' own test databases stay untouched.
db_name=scheduler_bench
database=${db_name}_test

psql_as_user() {
    PGPASSWORD="$db_password" PGCONNECT_TIMEOUT=5 psql -X -q -At -v ON_ERROR_STOP=1 \
        -h "$db_host" -p "$db_port" -U "$db_user" -d postgres "$@"
}

# A broker and a server already up (e.g. started from another checkout) are used as they are.
kafka=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
kafka_port=${kafka##*:}
if ! { (exec 3<>"/dev/tcp/127.0.0.1/$kafka_port") 2>/dev/null && psql_as_user -c 'select 1' >/dev/null 2>&1; }; then
    "$root/deploy/local/rapport" infra
fi

psql_as_user -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'database')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL

mkdir -p "$log_dir"
echo "running SchedulerBenchmark: $events events, $contacts contacts (Maven log: ${build_log#"$root"/}) ..."
if ! (cd "$root" && RAPPORT_DB_HOST="$db_host" RAPPORT_DB_PORT="$db_port" RAPPORT_DB_NAME="$db_name" \
        mvn -B verify -pl scheduler-service -am -DskipITs -Dtest=SchedulerBenchmark \
        -Dsurefire.failIfNoSpecifiedTests=false \
        -Dbenchmark.events="$events" -Dbenchmark.contacts="$contacts" "$@") >"$build_log" 2>&1; then
    tail -n 60 "$build_log" >&2
    echo "the benchmark failed; see ${build_log#"$root"/}" >&2
    exit 1
fi
grep '^BENCHMARK' "$build_log"

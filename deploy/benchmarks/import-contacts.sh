#!/usr/bin/env bash
# Benchmark: import N contacts (default 100,000) in one CSV request into a running contacts-service and print
# rows/s. Start the suite first (deploy/local/rapport up); the service runs with -Xmx384m there, so a pass also
# shows that the import streams instead of loading the file.
#   deploy/benchmarks/import-contacts.sh [rows] [base-url]
set -euo pipefail

rows=${1:-100000}
base=${2:-http://127.0.0.1:8081}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run=$(date +%s)
awk -v n="$rows" -v run="$run" 'BEGIN {
  print "firstName,lastName,email,phone,lifecycleStage,tags,birthday,checkInCadenceDays,personalNotes"
  split("PROSPECT ACTIVE_CUSTOMER AT_RISK", stages, " ")
  for (i = 1; i <= n; i++) {
    printf "First%d,Last%d,bench-%s-%d@example.com,+44 20 7946 %04d,%s,bench;batch-%d,%02d-%02d,%d,\"Met at conference %d, likes chess\"\n",
      i, i, run, i, i % 10000, stages[i % 3 + 1], i % 50, i % 12 + 1, i % 28 + 1, 7 + i % 60, i % 100
  }
}' > "$work/contacts.csv"

token=$("$here/../local/rapport" token bench-admin admin)
size=$(du -h "$work/contacts.csv" | cut -f1)
echo "importing $rows rows ($size) into $base ..."
start=$(date +%s.%N)
curl -sS --fail -X POST "$base/api/v1/contacts/import?owner=bench-rep" \
  -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @"$work/contacts.csv" -o "$work/results.ndjson"
end=$(date +%s.%N)

summary=$(tail -n 1 "$work/results.ndjson")
printf 'summary: %s\n' "$summary"
awk -v rows="$rows" -v start="$start" -v end="$end" \
  'BEGIN { s = end - start; printf "elapsed: %.1f s\nthroughput: %.0f rows/s\n", s, rows / s }'

#!/usr/bin/env bash
# Benchmarks for notices (issue 6), rerunnable from scratch:  bench/run-issue6.sh
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) and port 8080 free. It creates the database
# portal_bench6, starts the portal on it with the run command, generates 1,000,000 customers and 1,000 notices
# with SQL, then measures over HTTP: publishing a notice to all 1,000,000 customers (POST /api/staff/notices)
# and the inbox (GET /api/me/notices: the notice list and the unread count). Results: bench/results-issue6.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DB=portal_bench6
URL="http://localhost:${BENCH_PORT:-8080}"
CUSTOMERS=${BENCH_CUSTOMERS:-1000000}
NOTICES=${BENCH_NOTICES:-1000}
INBOX_RUNS=${BENCH_INBOX_RUNS:-300}
TMP=$(mktemp -d)
OUT=bench/results-issue6.md

$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=postgres \
  ./mvnw -q -Prun -DskipTests package > "$TMP/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null; ' EXIT
for i in $(seq 1 200); do curl -fs "$URL/health/ready" > /dev/null 2>&1 && break; sleep 2; done
curl -fs "$URL/health/ready" > /dev/null
q() { $PG -d $DB -tA -c "$1"; }

GEN_START=$(date +%s)
q "
INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
SELECT 10000000 + n, 'many.' || n || '@example.com', 'x', 'CUSTOMER', 0, now(), now(), 0 FROM generate_series(1, $CUSTOMERS) n;
INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at, preferred_language, version)
SELECT 10000000 + n, 10000000 + n, 'Kund', 'Nummer ' || n,
       (ARRAY['SOMG_SE','ONCENTRUM_COM','ONCENTRUM_SE','MITTCENTRUM_COM'])[1 + n % 4], 'CONTRACT', now(), 'sv', 0
FROM generate_series(1, $CUSTOMERS) n;
INSERT INTO consent (id, customer_id, purpose_id, given, version)
SELECT 10000000 + n, 10000000 + n, 1 + n % 6, TRUE, 0 FROM generate_series(1, $CUSTOMERS / 5) n;
INSERT INTO notice (id, kind, title_sv, title_en, body_sv, body_en, audience, audience_platform, audience_purpose_id,
                    publish_at, created_at, created_by, mailing_done_at, version)
SELECT 10000000 + n, (ARRAY['OPERATIONAL','ADMINISTRATIVE','MARKETING'])[1 + n % 3], 'Meddelande ' || n, 'Notice ' || n,
       'Text ' || n, 'Text ' || n, (ARRAY['ALL','PLATFORM','CONSENT'])[1 + n % 3],
       CASE WHEN n % 3 = 1 THEN (ARRAY['SOMG_SE','ONCENTRUM_COM','ONCENTRUM_SE','MITTCENTRUM_COM'])[1 + n % 4] END,
       CASE WHEN n % 3 = 2 THEN 1 + n % 6 END, now() - n * interval '1 hour', now(), 'bench', now(), 0
FROM generate_series(1, $NOTICES) n;
-- Anna has been a customer for years, so every generated notice is hers to read
UPDATE customer SET created_at = now() - interval '10 years'
WHERE credential_id = (SELECT id FROM credential WHERE email = 'anna.andersson@example.com');
ANALYZE;"
GEN_SECONDS=$(( $(date +%s) - GEN_START ))

viewstate() { grep -o 'name="jakarta.faces.ViewState" id="[^"]*" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login() { # jar, e-mail, password
  rm -f "$1"
  local vs
  vs=$(curl -s -c "$1" -b "$1" "$URL/login.xhtml?lang=en" | viewstate)
  curl -s -c "$1" -b "$1" -o /dev/null -X POST "$URL/login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:email=$2" --data-urlencode "login:password=$3" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$vs"
}
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i = int(NR * p / 100); if (i < 1) i = 1; print a[i]}'; }
login "$TMP/comms" comms@somg.example Comms-Demo-2020
login "$TMP/anna" anna.andersson@example.com Anna-Demo-2020

publish() {
  curl -s -b "$TMP/comms" -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' \
    -d '{"kind":"OPERATIONAL","audience":"ALL","titleSv":"Bench","titleEn":"Bench","bodySv":"Text","bodyEn":"Text"}' \
    "$URL/api/staff/notices"
}
publish > /dev/null # warm-up
PUBLISH=$(for i in 1 2 3 4 5; do publish; done | percentile 50)
READY=$(for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$URL/health/ready"; done | percentile 50)
AUDIENCE=$(q "SELECT COUNT(*) FROM customer c WHERE c.anonymised_at IS NULL AND c.restricted_at IS NULL")

for i in $(seq 1 20); do curl -s -b "$TMP/anna" -o /dev/null "$URL/api/me/notices"; done # warm-up
curl -s -b "$TMP/anna" "$URL/api/me/notices" > "$TMP/inbox.json"
INBOX_SIZE=$(grep -o '"id":' "$TMP/inbox.json" | wc -l)
for i in $(seq 1 "$INBOX_RUNS"); do curl -s -b "$TMP/anna" -o /dev/null -w '%{time_total}\n' "$URL/api/me/notices"; done > "$TMP/inbox.txt"
for i in $(seq 1 "$INBOX_RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "$URL/health/ready"; done > "$TMP/ready.txt"
INBOX_P95=$(percentile 95 < "$TMP/inbox.txt"); INBOX_P50=$(percentile 50 < "$TMP/inbox.txt")
READY_P95=$(percentile 95 < "$TMP/ready.txt")

# the two inbox queries themselves, timed inside PostgreSQL (EXPLAIN ANALYZE), as the service runs them
ANNA=$(q "SELECT c.id FROM customer c JOIN credential cr ON cr.id = c.credential_id WHERE cr.email = 'anna.andersson@example.com'")
for i in $(seq 1 50); do
  q "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM notice n WHERE n.publish_at <= now() AND (n.audience = 'ALL' OR (n.audience = 'PLATFORM' AND n.audience_platform = 'ONCENTRUM_COM') OR (n.audience = 'CONSENT' AND n.audience_purpose_id IN (1, 3, 6))) AND (n.kind <> 'MARKETING' OR TRUE) ORDER BY n.publish_at DESC, n.id DESC LIMIT 100" \
    | grep -o '"Execution Time": [0-9.]*' | awk '{print $3}'
done > "$TMP/sql.txt"
SQL_P95=$(percentile 95 < "$TMP/sql.txt")

ratio() { echo "scale=1; $1 / $2" | bc; }
{
  echo "# Issue 6 benchmarks"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, PostgreSQL at 127.0.0.1:5432, the portal started by the run command."
  echo "$CUSTOMERS customers and $NOTICES notices generated with SQL in ${GEN_SECONDS} s (a third to all, a third to one platform, a third to one consent)."
  echo
  echo "| what | time | baseline (same run) | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| publish a notice to all $AUDIENCE customers (POST /api/staff/notices, median of 5) | ${PUBLISH} s | ${READY} s (GET /health/ready, one query) | $(ratio "$PUBLISH" "$READY") | < 1 s |"
  echo "| Anna's inbox, $INBOX_SIZE notices listed plus the unread count (GET /api/me/notices, p95 of $INBOX_RUNS; p50 ${INBOX_P50} s) | ${INBOX_P95} s | ${READY_P95} s (GET /health/ready, p95) | $(ratio "$INBOX_P95" "$READY_P95") | query < 10 ms p95 |"
  echo "| the inbox's notice query inside PostgreSQL (EXPLAIN ANALYZE, p95 of 50) | ${SQL_P95} ms | | | < 10 ms |"
} > "$OUT"
cat "$OUT"

#!/usr/bin/env bash
# Benchmarks for a crowd (issue 10), rerunnable from scratch:  bench/run-issue10.sh
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), haproxy and wrk installed, and ports 8080 to 8082
# free. It creates the database portal_bench10 with 200 extra customers, then, on one node (the run command) and on
# the two-node cluster (the cluster command, HAProxy in front):
#   - an idle page view: one customer, one request at a time (the baseline of the run);
#   - 200 customers logging in at the same moment and walking seven customer pages for 60 s (bench/CustomerCrowd.java):
#     errors, page-view p50 and p95 as ratios to the idle page view, logins per second;
# and on one clustered node, the dashboard's throughput at 10 connections (wrk) with and without <distributable/>,
# the cost of session replication. Results: bench/results-issue10.md. It stops only the processes it started.
set -euo pipefail
for tool in psql haproxy wrk curl bc; do
  command -v "$tool" > /dev/null || { echo "$tool is needed (apt-get install postgresql-client haproxy wrk curl bc)" >&2; exit 1; }
done
cd "$(dirname "$0")/.."
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DB=portal_bench10
USERS=${BENCH_USERS:-200}
SECONDS_=${BENCH_SECONDS:-60}
URL=http://localhost:8080
TMP=$(mktemp -d)
OUT=bench/results-issue10.md
STARTED=()

stop_started() {
  for pgid in "${STARTED[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  for pgid in "${STARTED[@]}"; do
    for _ in $(seq 1 60); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  STARTED=()
}
trap stop_started EXIT

start() { # profile, log: the run or cluster command in a process group of its own
  PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=postgres \
    setsid ./mvnw -q -P"$1" -DskipTests package > "$2" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 300); do curl -fs "$URL/health/ready" > /dev/null 2>&1 && return 0; sleep 1; done
  echo "the portal did not start; see $2" >&2; exit 1
}
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i = int(NR * p / 100); if (i < 1) i = 1; print a[i]}'; }
ratio() { echo "scale=1; $1 / $2" | bc; }

./mvnw -q -DskipTests install
CP=portal-devdb/target/classes
CP="$CP:$(./mvnw -q -pl portal-devdb dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

# Optional anchor: a bare PrimeFaces page (a WAR project given in BENCH_BASELINE_APP, served at /pf/) at 10 connections
# Each URL is warmed for 20 s first: the JIT needs that long before a Faces page's rate stops climbing (a 5 s warm-up
# measured the portal's pages at half their steady rate while the far simpler bare page was already steady).
throughput() { # url cookie
  wrk -t1 -c10 -d20s -H "Cookie: $2" "$1" > /dev/null
  wrk -t1 -c10 -d15s -H "Cookie: $2" "$1" | awk '/Requests\/sec/{r=$2} /Non-2xx/{e=$NF} END{printf "%s %s\n", r, (e==""?0:e)}'
}
BARE=""
if [ -n "${BENCH_BASELINE_APP:-}" ]; then
  mvn -q -f "$BENCH_BASELINE_APP/pom.xml" -DskipTests package
  MICRO=$(ls portal-run/target/payara-micro-*.jar | head -1)
  setsid java -jar "$MICRO" --port 8090 --nocluster --deploy "$(ls "$BENCH_BASELINE_APP"/target/*.war | head -1)" --contextroot pf \
    > "$TMP/bare.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 120); do grep -q "ready in" "$TMP/bare.log" && break; sleep 1; done
  BARE_COOKIE=$(curl -s -c - -o /dev/null http://localhost:8090/pf/ | awk '/JSESSIONID/{print "JSESSIONID=" $7}')
  BARE=$(throughput http://localhost:8090/pf/ "$BARE_COOKIE" | cut -d' ' -f1)
  stop_started
fi

$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
start run "$TMP/single.log"
# the crowd: Bertil's password hash, so every one of them signs in with Bertil's demo password
$PG -d $DB -c "
INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
SELECT 40000000 + n, 'crowd.' || n || '@example.com', (SELECT password_hash FROM credential WHERE email = 'bertil.berg@example.com'),
       'CUSTOMER', 0, now(), now(), 0 FROM generate_series(1, $USERS) n;
INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at, preferred_language, version)
SELECT 40000000 + n, 40000000 + n, 'Kund', 'Nummer ' || n, 'SOMG_SE', 'CONTRACT', now(), 'sv', 0 FROM generate_series(1, $USERS) n;
INSERT INTO contact_preference (id, customer_id, channel, kind, enabled)
SELECT 40000000 + n * 20 + row_number() OVER (PARTITION BY n), 40000000 + n, p.channel, p.kind, p.enabled
FROM generate_series(1, $USERS) n
CROSS JOIN contact_preference p JOIN customer b ON b.id = p.customer_id
JOIN credential bc ON bc.id = b.credential_id AND bc.email = 'bertil.berg@example.com';"

idle() { # one customer, one request at a time: median of 50 after a warm-up
  java -cp "$CP" bench/CustomerCrowd.java "$URL" 1 15 "crowd.N@example.com" Bertil-Demo-2020 > /dev/null
  java -cp "$CP" bench/CustomerCrowd.java "$URL" 1 10 "crowd.N@example.com" Bertil-Demo-2020 | sed 's/.*p50_ms=\([0-9.]*\).*/\1/'
}
crowd() { java -cp "$CP" bench/CustomerCrowd.java "$URL" "$USERS" "$SECONDS_" "crowd.N@example.com" Bertil-Demo-2020; }
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

IDLE_1=$(idle); CROWD_1=$(crowd)
# every customer page at 10 connections (wrk), one signed-in customer
COOKIE=$(java -cp "$CP" bench/CustomerCrowd.java cookie "$URL" crowd.1@example.com Bertil-Demo-2020)
PAGES="/customer/dashboard.xhtml /customer/profile.xhtml /customer/preferences.xhtml /customer/consents.xhtml /customer/notifications.xhtml /customer/requests.xhtml /customer/extract.xhtml"
declare -A PAGE_RPS
for p in $PAGES; do PAGE_RPS[$p]=$(throughput "$URL$p" "$COOKIE"); done
stop_started

start cluster "$TMP/cluster.log"
IDLE_2=$(idle); CROWD_2=$(crowd)
stop_started

# session replication's cost: one Payara Micro in a (one-member) Hazelcast cluster, the dashboard at 10 connections,
# the WAR as built (<distributable/>: every session change written to the data grid) and a copy without it
MICRO=$(ls portal-run/target/payara-micro-*.jar | head -1)
cp portal-web/target/portal-web.war "$TMP/distributable.war"
cp portal-web/target/portal-web.war "$TMP/local.war"
(cd "$TMP" && mkdir -p WEB-INF && unzip -q -o -j local.war WEB-INF/web.xml -d WEB-INF \
   && sed -i 's#<distributable/>##' WEB-INF/web.xml && jar uf local.war WEB-INF/web.xml)
replication() { # war
  PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=postgres \
    setsid java -Xmx1g -jar "$MICRO" --deploy "$1" --contextroot / --port 8080 --clustername "bench-$$" > "$TMP/replication.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 300); do curl -fs "$URL/health/ready" > /dev/null 2>&1 && break; sleep 1; done
  local cookie
  cookie=$(java -cp "$CP" bench/CustomerCrowd.java cookie "$URL" crowd.2@example.com Bertil-Demo-2020)
  throughput "$URL/customer/dashboard.xhtml" "$cookie"
  stop_started
}
# and the EclipseLink shared cache switched on for every entity (shared-cache-mode ALL), to weigh what leaving it off costs
cp portal-web/target/portal-web.war "$TMP/cached.war"
(cd "$TMP" && model=$(unzip -Z1 cached.war | grep 'WEB-INF/lib/portal-model-.*\.jar') && mkdir -p cache && cd cache \
   && unzip -q -o ../cached.war "$model" && mkdir -p x && cd x && unzip -q -o "../$model" META-INF/persistence.xml \
   && sed -i 's#<shared-cache-mode>NONE</shared-cache-mode>#<shared-cache-mode>ALL</shared-cache-mode>#' META-INF/persistence.xml \
   && jar uf "../$model" META-INF/persistence.xml && cd .. && jar uf ../cached.war "$model")
REPL_ON=$(replication "$TMP/distributable.war")
REPL_OFF=$(replication "$TMP/local.war")
CACHE_ON=$(replication "$TMP/cached.war")

{
  echo "# Issue 10 benchmarks"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, PostgreSQL at 127.0.0.1:5432. $USERS customers log in at the same"
  echo "moment and walk seven customer pages for ${SECONDS_} s (bench/CustomerCrowd.java); a login answered \"busy\" (503) is"
  echo "tried again after Retry-After. Baseline: one customer's idle page view (median, same pages) in the same run."
  echo
  echo "| setup | errors | busy answers | all logged in after | logins/s | page views/s | p50 | p95 | idle view | p50 ratio | p95 ratio |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for setup in "one node" "two nodes + HAProxy"; do
    if [ "$setup" = "one node" ]; then c=$CROWD_1; i=$IDLE_1; else c=$CROWD_2; i=$IDLE_2; fi
    echo "| $setup | $(field "$c" errors) | $(field "$c" busy_answers) | $(field "$c" all_logged_in_after_s) s | $(field "$c" logins_per_s) | $(field "$c" views_per_s) | $(field "$c" p50_ms) ms | $(field "$c" p95_ms) ms | $i ms | $(ratio "$(field "$c" p50_ms)" "$i") | $(ratio "$(field "$c" p95_ms)" "$i") |"
  done
  echo
  echo "Every customer page at 10 connections, one node (wrk, 15 s, one signed-in customer; requests/s and non-2xx):"
  echo
  echo "| page | requests/s | non-2xx | share of the bare PrimeFaces page (${BARE:-not measured} requests/s) |"
  echo "|---|---|---|---|"
  for p in $PAGES; do
    set -- ${PAGE_RPS[$p]}
    share="-"; [ -n "$BARE" ] && share="$(echo "scale=0; 100 * $1 / $BARE" | bc) %"
    echo "| $p | $1 | $2 | $share |"
  done
  echo
  echo "Session replication (one clustered Payara Micro, dashboard at 10 connections): with <distributable/> $(echo $REPL_ON | cut -d' ' -f1) requests/s,"
  echo "without $(echo $REPL_OFF | cut -d' ' -f1) requests/s (ratio $(ratio "$(echo $REPL_ON | cut -d' ' -f1)" "$(echo $REPL_OFF | cut -d' ' -f1)"))."
  echo
  echo "EclipseLink shared cache (same setup, with <distributable/>): off (as shipped) $(echo $REPL_ON | cut -d' ' -f1) requests/s,"
  echo "on for every entity $(echo $CACHE_ON | cut -d' ' -f1) requests/s (ratio off/on $(ratio "$(echo $REPL_ON | cut -d' ' -f1)" "$(echo $CACHE_ON | cut -d' ' -f1)"))."
  echo
  echo "Raw: one node: \`$CROWD_1\`"
  echo
  echo "Raw: two nodes: \`$CROWD_2\`"
} > "$OUT"
cat "$OUT"

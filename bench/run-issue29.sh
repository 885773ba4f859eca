#!/usr/bin/env bash
# Issue 29, part 1: does a query slow as the data grows? Rerunnable from scratch:  bench/run-issue29.sh
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth). For each size it creates a database, applies the
# project's own migrations (portal-model/src/main/resources/db/migration, in version order, as Flyway would), fills
# it with SQL (generate_series), and times the SQL the services run inside PostgreSQL (EXPLAIN ANALYZE, median of
# five after one warm-up) against a primary-key read of a customer in the same run. Beside each query as the portal
# runs it now stands the query as main ran it before (the "was" rows). Results: bench/results-issue29.md.
#   BENCH_SIZES="100000:1000000 1000000:10000000"  customers:audit events per size (the default: a tenth, and the whole)
set -euo pipefail
cd "$(dirname "$0")/.."
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
SIZES=${BENCH_SIZES:-"100000:1000000 1000000:10000000"}
OUT=${BENCH_OUT:-bench/results-issue29.md}
TMP=$(mktemp -d)

median_ms() { # database, SQL: the median execution time of five runs after a warm-up, in ms
  local db=$1 sql=$2 times=()
  $PG -d "$db" -tA -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql" > /dev/null
  for i in 1 2 3 4 5; do
    times+=("$($PG -d "$db" -tA -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql" | grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

declare -A RESULT
for size in $SIZES; do
  customers=${size%%:*}; events=${size##*:}
  db=portal_bench29_$customers
  $PG -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  for f in $(ls portal-model/src/main/resources/db/migration/V*__*.sql | sort -t V -k2 -n); do $PG -d "$db" -f "$f"; done
  start=$(date +%s)
  $PG -d "$db" -c "
    INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
    SELECT n, 'kund.' || n || '@example.com', 'x', 'CUSTOMER', 0, now(), now(), 0 FROM generate_series(1, $customers) n;
    INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
    SELECT 900000000 + n, 'staff.' || n || '@somg.example', 'x', 'STAFF', 0, now(), now(), 0 FROM generate_series(1, 50) n;
    INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at,
                          preferred_language, version)
    SELECT n, n,
           (ARRAY['Anna','Bertil','Cecilia','David','Eva','Fredrik','Gunilla','Hans','Ingrid','Johan','Karin','Lars',
                  'Maria','Nils','Olle','Per','Sara','Tove','Ulf','Åsa'])[1 + n % 20] || CASE WHEN n % 7 = 0 THEN '-' || (n % 997) ELSE '' END,
           (ARRAY['Andersson','Berg','Carlsson','Dahl','Eriksson','Forsberg','Gustafsson','Holm','Isaksson','Johansson',
                  'Karlsson','Lind','Magnusson','Nilsson','Olsson','Persson','Svensson','Törnqvist','Ullberg','Öberg'])[1 + (n / 20) % 20]
             || (n % 5003)::text,
           (ARRAY['SOMG_SE','ONCENTRUM_COM','ONCENTRUM_SE','MITTCENTRUM_COM'])[1 + n % 4], 'CONTRACT',
           now() - (n % 3650) * interval '1 day', 'sv', 0
    FROM generate_series(1, $customers) n;
    INSERT INTO audit_event (id, occurred_at, actor, action, customer_id, detail)
    SELECT n, now() - (n % 63072000) * interval '1 second',
           CASE WHEN n % 3 = 0 THEN 'CUSTOMER:' || (1 + n % $customers)
                ELSE (ARRAY['SUPPORT','PRIVACY_OFFICER','COMMUNICATIONS'])[1 + n % 3] || ':' || (900000001 + n % 50) END,
           (ARRAY['CUSTOMER_LOOKUP','REQUEST_VIEWED','EXTRACT_ISSUED','NOTICE_PUBLISHED','REQUEST_FILED','COMPLAINT_FILED',
                  'CONTRACT_ENDED','DISCLOSURE_RECORDED'])[1 + n % 8],
           1 + (n::bigint * 7919) % $customers, NULL
    FROM generate_series(1, $events) n;" > /dev/null
  # as autovacuum leaves an insert-mostly table (PostgreSQL 13+ vacuums after inserts too): statistics and visibility
  $PG -d "$db" -c "VACUUM ANALYZE" > /dev/null
  gen=$(( $(date +%s) - start ))
  staff=staff.7@somg.example
  # the service looks the staff member's id up first and binds it (AuditSearch.staffId)
  staffid=900000007
  # reading on deep in the trail (keyset, AuditSearch.pageAfter): the cursor is where the 400th page ended
  cursor=$($PG -d "$db" -tA -F' ' -c "SELECT occurred_at, id FROM audit_event ORDER BY occurred_at DESC, id DESC OFFSET 9999 LIMIT 1")
  cursor_at=${cursor% *}; cursor_id=${cursor##* }
  declare -A Q=(
    [floor]="SELECT * FROM customer WHERE id = 4242"
    [lookup_name_was]="SELECT c.* FROM customer c JOIN credential cr ON cr.id = c.credential_id WHERE cr.email = 'an' OR lower(c.given_name) LIKE 'an%' OR lower(c.family_name) LIKE 'an%' ORDER BY c.family_name, c.given_name, c.id LIMIT 20"
    [lookup_email_was]="SELECT c.* FROM customer c JOIN credential cr ON cr.id = c.credential_id WHERE cr.email = 'kund.4242@example.com' OR lower(c.given_name) LIKE 'kund.4242@example.com%' OR lower(c.family_name) LIKE 'kund.4242@example.com%' ORDER BY c.family_name, c.given_name, c.id LIMIT 20"
    [audit_first_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a ORDER BY a.occurred_at DESC, a.id DESC OFFSET 0 LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
    [audit_count]="SELECT count(*) FROM (SELECT 1 FROM audit_event a LIMIT 10001) counted"
    [audit_count_was]="SELECT count(*) FROM audit_event a"
    [audit_staff_count]="SELECT count(*) FROM (SELECT 1 FROM audit_event a WHERE split_part(a.actor, ':', 2) = '$staffid' LIMIT 10001) counted"
    [audit_staff_count_was]="SELECT count(*) FROM audit_event a WHERE a.actor LIKE '%:' || (SELECT cr3.id FROM credential cr3 WHERE cr3.email = '$staff' AND cr3.kind = 'STAFF')::text"
    [audit_staff_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a WHERE split_part(a.actor, ':', 2) = '$staffid' ORDER BY a.occurred_at DESC, a.id DESC OFFSET 0 LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
    [audit_action_count]="SELECT count(*) FROM (SELECT 1 FROM audit_event a WHERE a.action = 'EXTRACT_ISSUED' LIMIT 10001) counted"
    [audit_action_count_was]="SELECT count(*) FROM audit_event a WHERE a.action = 'EXTRACT_ISSUED'"
    [audit_customer_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a WHERE a.customer_id = (SELECT c2.id FROM customer c2 JOIN credential cr2 ON cr2.id = c2.credential_id WHERE cr2.email = 'kund.4242@example.com') ORDER BY a.occurred_at DESC, a.id DESC OFFSET 0 LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
    [audit_deep_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a ORDER BY a.occurred_at DESC, a.id DESC OFFSET 9975 LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
    [audit_deep_page_was]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM audit_event a LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY a.occurred_at DESC, a.id DESC OFFSET 9975 LIMIT 25"
    [audit_next_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a WHERE a.occurred_at <= '$cursor_at' AND (a.occurred_at, a.id) < ('$cursor_at', $cursor_id) ORDER BY a.occurred_at DESC, a.id DESC LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
    [audit_action_next_page]="SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail FROM (SELECT a.id, a.occurred_at FROM audit_event a WHERE a.action = 'EXTRACT_ISSUED' AND a.occurred_at <= '$cursor_at' AND (a.occurred_at, a.id) < ('$cursor_at', $cursor_id) ORDER BY a.occurred_at DESC, a.id DESC LIMIT 25) page JOIN audit_event a ON a.id = page.id LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id ORDER BY page.occurred_at DESC, page.id DESC"
  )
  # the look-up's statement as CustomerLookup.SEARCH has it, read from the source
  lookup=$(python3 -c '
import re, sys
src = open("portal-ejb/src/main/java/se/somg/portal/support/CustomerLookup.java").read()
block = re.search(r"SEARCH = \"\"\"\n(.*?)\"\"\";", src, re.S).group(1)
print(block.replace("\\\\", "\\"))')
  Q[lookup_email]=$(printf '%s' "$lookup" | sed "s/?1/'kund.4242@example.com'/; s/?2/'kund.4242@example.com%'/g")
  Q[lookup_name]=$(printf '%s' "$lookup" | sed "s/?1/'an'/; s/?2/'an%'/g")
  for name in "${!Q[@]}"; do
    RESULT[$name:$customers]=$(median_ms "$db" "${Q[$name]}")
  done
  RESULT[gen:$customers]=$gen
  RESULT[events:$customers]=$events
  [ -n "${BENCH_KEEP:-}" ] || $PG -d postgres -c "DROP DATABASE $db"
done

sizes=($SIZES)
small=${sizes[0]%%:*}; large=${sizes[-1]%%:*}
{
  echo "# Issue 29, part 1: queries against the size of the data"
  echo
  echo "Command: \`bench/run-issue29.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(psql -h 127.0.0.1 -U postgres -tA -c 'SHOW server_version') on 127.0.0.1)."
  echo "Each figure: the median of five \`EXPLAIN ANALYZE\` execution times after a warm-up, in ms, inside PostgreSQL; x: that time"
  echo "divided by the primary-key read of the same run; growth: large over small. Sizes: $small customers with ${RESULT[events:$small]} audit events"
  echo "(data made in ${RESULT[gen:$small]} s), and $large customers with ${RESULT[events:$large]} (${RESULT[gen:$large]} s). \"was\": the query as main ran it before issue 29."
  echo
  echo "| query | small ms | x floor | large ms | x floor | growth |"
  echo "|---|---|---|---|---|---|"
  for name in floor lookup_name lookup_name_was lookup_email lookup_email_was audit_first_page audit_count audit_count_was \
              audit_staff_count audit_staff_count_was audit_staff_page audit_action_count audit_action_count_was \
              audit_customer_page audit_deep_page audit_deep_page_was audit_next_page audit_action_next_page; do
    s=${RESULT[$name:$small]}; l=${RESULT[$name:$large]}
    fs=${RESULT[floor:$small]}; fl=${RESULT[floor:$large]}
    echo "| $name | $s | $(echo "scale=0; $s / $fs" | bc) | $l | $(echo "scale=0; $l / $fl" | bc) | $(echo "scale=2; $l / $s" | bc) |"
  done
} > "$OUT"
cat "$OUT"

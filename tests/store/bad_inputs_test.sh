#!/usr/bin/env bash
# Bad inputs to `marsad ingest`: each gets a clear error naming what is wrong,
# the good articles around it are stored, and nothing committed is lost.
#   malformed JSON lines, missing and mistyped fields, a 100 MB line, a missing
#   file, a truncated gzip, a read-only store path, a full disk (ulimit -f).
#
#   tests/store/bad_inputs_test.sh build/marsad .
source "$(dirname "$0")/lib.sh"

good() { printf '{"url":"http://good/%s","source":"hespress","title":"خبر %s","text":"وقّع المغرب اتفاقية رقم %s مع شركائه في الرباط."}\n' "$1" "$1" "$1"; }

# 1. Malformed JSON, missing and mistyped fields: rejected with file:line, the rest stored.
{
  good 1
  echo '{"url": "http://bad/1", "text": "نص'             # truncated line
  echo 'not json at all'
  echo '{"url": "http://bad/2"}'                          # no text, no title
  echo '{"url": "http://bad/3", "title": 5, "text": "نص"}'  # a title that is not a string
  echo '[1, 2, 3]'
  good 2
} >"$WORK/mixed.jsonl"
db=$WORK/a.db
expect_code 2 "$MARSAD" ingest --db "$db" "$WORK/mixed.jsonl"
expect_err "mixed.jsonl:2: not JSON"
expect_err "mixed.jsonl:3: not JSON"
expect_err "mixed.jsonl:4: no text"
expect_err "mixed.jsonl:5: a metadata field"
expect_err "mixed.jsonl:6: not JSON: expected one object per line"
expect_err "ingested 2, skipped 0 (already present), rejected 5 (bad_json 4, empty 1)"
[[ $(sql "$db" "SELECT count(*) FROM articles") == 2 ]] || fail "good articles not stored"
check_store "$db"

# 2. A 100 MB line between two good ones: rejected without holding it, memory bounded.
{
  good 3
  printf '{"url":"http://huge","text":"'
  head -c 100000000 /dev/zero | tr '\0' 'x'
  printf '"}\n'
  good 4
} >"$WORK/huge.jsonl"
/usr/bin/time -f "%M" -o "$WORK/rss" "$MARSAD" ingest --db "$db" "$WORK/huge.jsonl" >"$WORK/out" 2>"$WORK/err" && fail "a 100 MB line was accepted"
expect_err "huge.jsonl:2: line of 1000000"
expect_err "bytes is larger than the article limit (67108864 bytes); skipped"
expect_err "ingested 2, skipped 0 (already present), rejected 1 (too_large 1)"
rss=$(tail -n 1 "$WORK/rss")
# The bound holds for a normal build; ASan's shadow memory and quarantine
# make RSS meaningless there, so a sanitized binary only reports it.
if grep -q -a __asan_init "$MARSAD"; then
  echo "100 MB line: peak RSS ${rss} KB (sanitized build: not checked)"
else
  (( rss < 400000 )) || fail "peak RSS ${rss} KB reading a 100 MB line"
fi
echo "100 MB line: rejected, peak RSS ${rss} KB"
rm -f "$WORK/huge.jsonl"

# 3. A missing input and a truncated gzip: errors; what was read before is kept.
expect_code 2 "$MARSAD" ingest --db "$db" "$WORK/nope.jsonl"
expect_err "nope.jsonl: no such file or folder"
for i in $(seq 10 400); do good "$i"; done | gzip -c >"$WORK/full.jsonl.gz"
head -c $(( $(stat -c %s "$WORK/full.jsonl.gz") - 100 )) "$WORK/full.jsonl.gz" >"$WORK/cut.jsonl.gz"
expect_code 2 "$MARSAD" ingest --db "$db" "$WORK/cut.jsonl.gz"
expect_err "cut.jsonl.gz: truncated or damaged gzip data"
kept=$(sql "$db" "SELECT count(*) FROM articles WHERE url LIKE 'http://good/%'")
(( kept > 4 )) || fail "nothing kept from before the damage"
check_store "$db"

# 4. A store path that cannot be written: a clear error, nothing created.
expect_code 2 "$MARSAD" ingest --db /proc/marsad-test.db "$WORK/mixed.jsonl"
expect_err "cannot open the store"
if [[ $(id -u) != 0 ]]; then  # root writes through permissions
  mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
  expect_code 2 "$MARSAD" ingest --db "$WORK/ro/x.db" "$WORK/mixed.jsonl"
  expect_err "cannot open the store"
  cp "$db" "$WORK/locked.db" && chmod 444 "$WORK/locked.db"
  expect_code 2 "$MARSAD" ingest --db "$WORK/locked.db" "$WORK/mixed.jsonl"
  expect_err "read-only"
fi

# 5. A full disk (a file size limit): the batch in flight is rolled back, the
#    error says so, everything committed before stays, and re-running completes.
for i in $(seq 1000 1400); do good "$i"; done >"$WORK/first.jsonl"
for i in $(seq 2000 5000); do good "$i"; done >"$WORK/second.jsonl"
db=$WORK/full.db
expect_code 0 "$MARSAD" ingest -q --db "$db" "$WORK/first.jsonl"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
first=$(sql "$db" "SELECT count(*) FROM articles")
limit=$(( $(stat -c %s "$db") / 1024 + 256 ))  # KiB: room for a little more
expect_code 2 bash -c "ulimit -f $limit; exec '$MARSAD' ingest -q --batch 100 --db '$db' '$WORK/second.jsonl'"
expect_err "cannot write to the store"
expect_err "run the same command again to continue"
check_store "$db"
after=$(sql "$db" "SELECT count(*) FROM articles")
(( after >= first )) || fail "committed articles lost: $after < $first"
[[ $(sql "$db" "SELECT count(*) FROM articles WHERE url BETWEEN 'http://good/1000' AND 'http://good/1400'") == "$first" ]] ||
  fail "first file's articles damaged"
echo "full disk: stopped with $after articles committed (first file: $first)"
expect_code 0 "$MARSAD" ingest -q --db "$db" "$WORK/second.jsonl"
[[ $(sql "$db" "SELECT count(*) FROM articles") == $(( first + 3001 )) ]] || fail "re-run did not complete the store"
check_store "$db"
echo "ok"

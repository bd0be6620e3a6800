#!/usr/bin/env bash
# kill -9 during an ingest (twice), then the same command again: every article
# is present exactly once and the store passes PRAGMA integrity_check, the FTS
# index check and its own invariants.
#
#   tests/store/crash_test.sh build/marsad .
source "$(dirname "$0")/lib.sh"

"$PY" "$SRC/tests/store/make_corpus.py" "$SRC" 4000 >"$WORK/in.jsonl" 2>"$WORK/unique"
unique=$(cat "$WORK/unique")
db=$WORK/crash.db

# Starts the ingest, waits for its first commit, kills it with SIGKILL.
kill_midway() {
  "$MARSAD" ingest -q --batch 200 --db "$db" "$WORK/in.jsonl" 2>/dev/null &
  local pid=$! before=$1 n=0
  for _ in $(seq 1 600); do
    n=$(sql "$db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
    (( n > before )) && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep 0.$((RANDOM % 5))
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    n=$(sql "$db" "SELECT count(*) FROM articles")
    echo "killed with $n of $unique articles stored"
  else
    wait "$pid" || true
    echo "note: the ingest ended before the kill"
  fi
}

kill_midway 0
n1=$(sql "$db" "SELECT count(*) FROM articles")
(( n1 < unique )) || echo "note: first kill came after the last commit"
check_store "$db"
kill_midway "$n1"
check_store "$db"

# The same command again completes the store.
expect_code 0 "$MARSAD" ingest -q --batch 200 --db "$db" "$WORK/in.jsonl"
expect_err "ingested"
check_store "$db"
total=$(sql "$db" "SELECT count(*) FROM articles")
[[ $total == "$unique" ]] || fail "$total articles stored, expected $unique"
[[ $(sql "$db" "SELECT count(*) FROM articles WHERE url IS NOT NULL") == $(sql "$db" "SELECT count(DISTINCT url) FROM articles") ]] ||
  fail "a URL is stored twice"
# Every input URL is there exactly once.
"$PY" -c '
import json, sys
urls = sorted({json.loads(l)["url"] for l in open(sys.argv[1], encoding="utf-8") if "\"url\"" in l})
print("\n".join(urls))' "$WORK/in.jsonl" >"$WORK/want"
sql "$db" "SELECT url FROM articles WHERE url IS NOT NULL ORDER BY url" >"$WORK/got"
LC_ALL=C sort -o "$WORK/want" "$WORK/want"
LC_ALL=C sort -o "$WORK/got" "$WORK/got"
cmp -s "$WORK/want" "$WORK/got" || fail "stored URLs differ from the input's"
# A last run adds nothing.
expect_code 0 "$MARSAD" ingest -q --db "$db" "$WORK/in.jsonl"
expect_err "ingested 0, skipped"
echo "ok: $total articles, each once, after two kill -9"

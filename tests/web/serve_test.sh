#!/usr/bin/env bash
# marsad serve as a user starts it: on 127.0.0.1 by default, the token from a
# file, an unknown store refused, the page served (or the "not built" page),
# and a clean exit 0 on SIGTERM and on SIGINT with the requests answered.
set -euo pipefail
MARSAD=${1:?usage: $0 MARSAD_BIN SOURCE_DIR}
SRC=${2:?usage: $0 MARSAD_BIN SOURCE_DIR}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/marsad-serve-test.XXXXXX")
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [[ -f $WORK/err ]] && cat "$WORK/err" >&2; exit 1; }

# fetch URL [TOKEN] [BODY]: prints "STATUS BODY" (python3: no curl needed).
fetch() {
  python3 - "$@" <<'PY'
import sys, urllib.request, urllib.error
url = sys.argv[1]
req = urllib.request.Request(url)
if len(sys.argv) > 2 and sys.argv[2]:
    req.add_header("Authorization", "Bearer " + sys.argv[2])
if len(sys.argv) > 3:
    req.data = sys.argv[3].encode()
    req.add_header("Content-Type", "text/plain; charset=utf-8")
try:
    with urllib.request.urlopen(req, timeout=30) as r:
        print(r.status, r.read().decode()[:300])
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode()[:300])
PY
}

"$MARSAD" ingest --db "$WORK/t.db" --published 2025-11-25 "$SRC/samples/nadorcity-joint-military-plan-2026.txt" \
  "$SRC/samples/jawharafm-sample.jsonl" >/dev/null 2>&1 || fail "ingest"

# A store that does not exist: exit 2, the message names it.
if "$MARSAD" serve --db "$WORK/missing.db" --port 0 2>"$WORK/err"; then fail "serve on a missing store exited 0"; fi
grep -q "missing.db" "$WORK/err" || fail "the error does not name the store"

start() {
  rm -f "$WORK/port"
  "$MARSAD" serve --db "$WORK/t.db" --port 0 --port-file "$WORK/port" "$@" 2>"$WORK/err" &
  PID=$!
  for _ in $(seq 100); do [[ -s $WORK/port ]] && break; sleep 0.1; done
  [[ -s $WORK/port ]] || fail "no port file"
  PORT=$(cat "$WORK/port")
}
stop_with() {
  kill "-$1" "$PID"
  local code=0
  for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$PID" 2>/dev/null && fail "still running 5 s after SIG$1"
  wait "$PID" || code=$?
  PID=
  [[ $code == 0 ]] || fail "exit $code after SIG$1"
  grep -q "marsad: stopped" "$WORK/err" || fail "no 'stopped' after SIG$1"
}

printf 'secret-from-file\n' >"$WORK/token"
start --token-file "$WORK/token"
grep -q "http://127.0.0.1:$PORT/" "$WORK/err" || fail "not on 127.0.0.1 by default"
[[ $(fetch "http://127.0.0.1:$PORT/api/stats") == 200* ]] || fail "/api/stats"
[[ $(fetch "http://127.0.0.1:$PORT/") == 200* ]] || fail "/"
[[ $(fetch "http://127.0.0.1:$PORT/api/analyze" "" "نص") == 401* ]] || fail "analyze without the token"
[[ $(fetch "http://127.0.0.1:$PORT/api/analyze" "secret-from-file" "وقّع المغرب وإسرائيل اتفاقا") == 200* ]] ||
  fail "analyze with the token from the file"
stop_with TERM

start
[[ $(fetch "http://127.0.0.1:$PORT/api/analyze" "x" "نص") == 403* ]] || fail "analyze with no token configured"
stop_with INT
echo "serve: ok"

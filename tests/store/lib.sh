# Shared by the store's shell tests: MARSAD (the CLI), SRC (the source tree),
# WORK (a scratch folder removed at exit), and small assertions.
set -euo pipefail
MARSAD=${1:?usage: $0 MARSAD_BIN SOURCE_DIR}
SRC=${2:?usage: $0 MARSAD_BIN SOURCE_DIR}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/marsad-store-test.XXXXXX")
cleanup() { chmod -R u+w "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_code CODE CMD...: runs CMD with stdout/stderr in $WORK/out and $WORK/err.
expect_code() {
  local want=$1; shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  [[ $got == "$want" ]] || { cat "$WORK/err" >&2; fail "exit $got, expected $want: $*"; }
}
expect_err() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks '$1'"; }; }
expect_out() { grep -qF -- "$1" "$WORK/out" || { cat "$WORK/out" >&2; fail "stdout lacks '$1'"; }; }
sql() { sqlite3 -batch -noheader "$1" "$2"; }
# The store is healthy: SQLite's integrity check, FTS index check, store invariants.
check_store() {
  "$MARSAD" stats --check --db "$1" >"$WORK/check" 2>&1 || { cat "$WORK/check" >&2; fail "marsad stats --check $1"; }
  [[ $(sql "$1" "PRAGMA integrity_check") == ok ]] || fail "PRAGMA integrity_check on $1"
}

#!/usr/bin/env bash
# Web pages and WARC crawls through `marsad analyze` and `marsad ingest` as a
# user meets them: sniffed by content (a page named .txt, standard input),
# windows-1256, a WARC with a page that has no article (reported with its
# record and offset, the rest still analyzed), a WARC ingested into a store,
# searched, and re-extracted by reanalyze.
#
#   tests/data/html/input_test.sh build/marsad .
set -euo pipefail
MARSAD=${1:?usage: $0 MARSAD_BIN SOURCE_DIR}
SRC=${2:?usage: $0 MARSAD_BIN SOURCE_DIR}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/marsad-html-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PAGES=$SRC/tests/data/html/pages
WARC=$SRC/tests/data/html/pages.warc.gz

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_code() {
  local want=$1; shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  [[ $got == "$want" ]] || { cat "$WORK/err" >&2; fail "exit $got, expected $want: $*"; }
}
expect_err() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks '$1'"; }; }
expect_out() { grep -qF -- "$1" "$WORK/out" || { head -c 2000 "$WORK/out" >&2; fail "stdout lacks '$1'"; }; }
lines() { [[ $(wc -l <"$WORK/out") == "$1" ]] || fail "expected $1 records, got $(wc -l <"$WORK/out")"; }

# A page, named .txt: sniffed by its bytes, analyzed as its article.
cp "$PAGES/01-wp.html" "$WORK/page.txt"
expect_code 0 "$MARSAD" analyze "$WORK/page.txt"
lines 1
expect_out '"title":"محسن مرزوق : موفى مارس سيكون موعدا للإعلان عن البديل السياسي"'
expect_out '"published":"2017-02-01T23:08:00+01:00"'
grep -q '<div' "$WORK/out" && fail "markup in the record"

# windows-1256, declared in a <meta> only.
expect_code 0 "$MARSAD" analyze "$PAGES/03-cp1256.html"
lines 1
expect_out '"title":"أطعمة لمحاربة تقلّب المزاج خلال شهر رمضان"'
grep -q '2031' "$WORK/out" && fail "a cookie script's year became a date"

# Standard input: a page, a WARC, JSON Lines.
expect_code 0 sh -c "cat '$PAGES/31-seed-nadorcity.html' | '$MARSAD' analyze -"
lines 1
expect_out '"title":"المغرب وإسرائيل يوقعان خطة العمل العسكري المشترك لسنة 2026"'
expect_code 2 sh -c "cat '$WARC' | '$MARSAD' analyze -"
lines 7
expect_code 0 sh -c "printf '{\"text\":\"نص أول.\"}\n{\"text\":\"نص ثان.\"}\n' | '$MARSAD' analyze -"
lines 2

# A WARC: seven articles; the tag page (record 18) is reported with its offset, exit 2.
expect_code 2 "$MARSAD" analyze "$WARC"
lines 7
expect_out '"url":"https://www.jawharafm.net/ar/'
expect_err "pages.warc.gz:18: byte "
expect_err "no article text found in the page «Tags»"

# Binary data named .html: one bad document, not a crash.
head -c 3000 "$MARSAD" >"$WORK/binary.html"
expect_code 2 "$MARSAD" analyze "$WORK/binary.html" "$WORK/page.txt"
lines 1
expect_err "binary.html"

# Ingest the WARC, search it, re-extract it.
db=$WORK/crawl.db
expect_code 2 "$MARSAD" ingest -q --db "$db" "$WARC"
expect_err "ingested 7, skipped 0 (already present), rejected 1"
expect_code 0 "$MARSAD" ingest -q --db "$db" "$PAGES/08-wp.html"
expect_err "ingested 1, skipped 0"
expect_code 0 "$MARSAD" search --db "$db" --format json "مرزوق"
expect_out '"title":"محسن مرزوق : موفى مارس'
expect_code 0 "$MARSAD" search --db "$db" --count "رمضان"
[[ $(cat "$WORK/out") -ge 1 ]] || fail "windows-1256 page not searchable"
expect_code 0 "$MARSAD" show --db "$db" --original 1
expect_out "WARC/1.0"
expect_code 0 "$MARSAD" reanalyze -q --all --db "$db"
expect_code 0 "$MARSAD" search --db "$db" --count "مرزوق"
[[ $(cat "$WORK/out") == 1 ]] || fail "after reanalyze: $(cat "$WORK/out") matches"

# A folder holding a page and a crawl.
mkdir "$WORK/folder"
cp "$WARC" "$PAGES/02-jsonld.html" "$WORK/folder/"
expect_code 2 "$MARSAD" ingest -q --db "$WORK/folder.db" "$WORK/folder"
expect_err "ingested 8,"
echo "ok"

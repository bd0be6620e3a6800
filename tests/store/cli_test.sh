#!/usr/bin/env bash
# The store commands as a user meets them: ingest, search, stories, show,
# stats, reanalyze; exit codes 0 / 1 (nothing found) / 2 (error).
#
#   tests/store/cli_test.sh build/marsad .
source "$(dirname "$0")/lib.sh"
cd "$SRC"
db=$WORK/cli.db
samples=samples/jawharafm-sample.jsonl

expect_code 0 "$MARSAD" ingest --db "$db" "$samples"
expect_err "ingested 25, skipped 0 (already present), rejected 0"
expect_code 0 "$MARSAD" ingest --db "$db" "$samples"
expect_err "ingested 0, skipped 25 (already present)"
MARSAD_DB=$db expect_code 0 "$MARSAD" ingest samples/nadorcity-joint-military-plan-2026.txt  # $MARSAD_DB names the store
expect_err "ingested 1,"

# search: clitic forms, exact forms, JSON lines, exit 1 on nothing.
expect_code 0 "$MARSAD" search --db "$db" "المغرب"
expect_out "#26"
expect_code 0 "$MARSAD" search --db "$db" --format json -n 3 "تونس"
"$PY" -c '
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(hits) == 3, hits
for h in hits:
    assert set(h) >= {"id", "score", "title", "source", "published", "url", "story", "snippet", "highlights"}, h
    for b, e in h["highlights"]:
        assert h["snippet"].encode()[b:e].decode()  # byte ranges on UTF-8 boundaries
' "$WORK/out"
expect_code 1 "$MARSAD" search --db "$db" "كلمةغيرموجودةأبدا"
expect_err "no matches"
expect_code 2 "$MARSAD" search --db "$db" '"unclosed'
expect_err "query: unclosed quote"
expect_code 2 "$MARSAD" search --db "$db" --since yesterday "تونس"
expect_err "--since"
expect_code 0 "$MARSAD" search --db "$db" --explain '=والمغرب OR "خطة العمل" NOT تونس*'
expect_out 'fts5: "=والمغرب" OR ("خطة العمل" NOT "تونس" *)'
expect_code 0 "$MARSAD" search --db "$db" --count "تونس"
[[ $(cat "$WORK/out") -gt 3 ]] || fail "count"
expect_code 0 "$MARSAD" search --db "$db" --source "جوهرة أف أم" --since 2017-01-01 --until 2017-01-31 ""
expect_code 1 "$MARSAD" search --db "$db" --source nadorcity --until 2000-01-01 ""

# show: the record, the original bytes, a story.
expect_code 0 "$MARSAD" show --db "$db" 26
expect_out "nadorcity"
expect_code 0 "$MARSAD" show --db "$db" --original 26
cmp -s "$WORK/out" samples/nadorcity-joint-military-plan-2026.txt || fail "show --original differs from the file"
expect_code 0 "$MARSAD" show --db "$db" --original 3
[[ "$(cat "$WORK/out")" == "$(sed -n 3p $samples)" ]] || fail "show --original differs from the JSON line"
expect_code 0 "$MARSAD" show --db "$db" --format json 26
"$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["schema"].startswith("marsad.article/")' "$WORK/out"
expect_code 2 "$MARSAD" show --db "$db" 999
expect_err "no article 999"
story=$(sql "$db" "SELECT story FROM articles WHERE id = 26")
expect_code 0 "$MARSAD" show --db "$db" --story "$story"
expect_out "story $story: 1 articles"

# stories: none of the samples repeat; one appears when a copy comes in.
expect_code 1 "$MARSAD" stories --db "$db"
sed -n 5p $samples | sed 's#"url": "[^"]*"#"url": "http://copy.example/5"#; s#"src": "Jawhara FM"#"src": "hespress"#' >"$WORK/copy.jsonl"
expect_code 0 "$MARSAD" ingest --db "$db" "$WORK/copy.jsonl"
expect_code 0 "$MARSAD" stories --db "$db"
expect_out "2       2"
expect_code 0 "$MARSAD" stories --db "$db" --format json --min-outlets 2
"$PY" -c 'import json,sys; s=json.loads(open(sys.argv[1]).readline()); assert s["articles"]==2 and s["outlets"]==2, s' "$WORK/out"
expect_code 2 "$MARSAD" stories --db "$db" --sort size
expect_err "--sort must be"

# stats and reanalyze.
expect_code 0 "$MARSAD" stats --db "$db" --check
expect_out "articles   27"
expect_out "check      ok"
expect_code 0 "$MARSAD" stats --db "$db" --format json
"$PY" -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["articles"]==27 and s["stale"]==0, s' "$WORK/out"
expect_code 0 "$MARSAD" reanalyze --db "$db"
expect_err "reanalyzed 0"
expect_code 0 "$MARSAD" reanalyze --db "$db" --all
expect_err "reanalyzed 27"
expect_code 0 "$MARSAD" reanalyze --db "$db" --stories --threshold 0.9
expect_code 2 "$MARSAD" reanalyze --db "$db" --threshold 0.9
expect_err "need --stories"
expect_code 0 "$MARSAD" stats --db "$db" --check

# events: aggregated per story (GDELT's NumMentions/NumSources/NumArticles),
# so a second outlet's copy of the seed adds a source, not an event.
edb=$WORK/events.db
expect_code 0 "$MARSAD" ingest --db "$edb" --published 2025-11-25 samples/nadorcity-joint-military-plan-2026.txt
sed '1s/ناظورسيتي/هسبريس/' samples/nadorcity-joint-military-plan-2026.txt >"$WORK/hespress-copy.txt"
expect_code 0 "$MARSAD" ingest --db "$edb" --published 2025-11-25 "$WORK/hespress-copy.txt"
expect_code 0 "$MARSAD" events --db "$edb" --dyad MARMIL,ISRMIL --code 057 --format json
"$PY" -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 1, rows
e = rows[0]
assert (e["date"], e["location_country"], e["root"]) == ("2025-11-24", "ISR", "05"), e
assert (e["num_articles"], e["num_sources"]) == (2, 2), e
' "$WORK/out"
expect_code 0 "$MARSAD" events --db "$edb" --actor MAR --format gdelt
"$PY" -c '
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    c = line.rstrip("\n").split("\t")
    assert len(c) == 61, len(c)
    assert "MAR" in (c[5][:3], c[15][:3]), c
' "$WORK/out"
expect_code 0 "$MARSAD" events --db "$edb" --root 05
expect_out "MARMIL"
expect_code 1 "$MARSAD" events --db "$edb" --dyad USA,CHN
expect_code 2 "$MARSAD" events --db "$edb" --dyad MAR
expect_err "--dyad: expected SOURCE,TARGET"
expect_code 2 "$MARSAD" events --db "$edb" --format xml
expect_err "--format"
expect_code 0 "$MARSAD" search --db "$edb" --topic international ""
expect_out "تل أبيب"

# Errors: a missing store for queries, bad flags, a file that is not a store.
expect_code 2 "$MARSAD" search --db "$WORK/none.db" "تونس"
[[ ! -e $WORK/none.db ]] || fail "a query created a store"
expect_code 2 "$MARSAD" ingest --db "$db" --jsonl --lines "$samples"
expect_code 2 "$MARSAD" ingest --db "$db" --field colour=x "$samples"
expect_err "unknown name 'colour'"
expect_code 2 "$MARSAD" stats --db "$samples"
expect_err "not a marsad store"
for c in ingest search stories show stats reanalyze; do expect_code 0 "$MARSAD" "$c" --help; done
# Standard input, with a field map.
printf '{"meta":{"h":"عنوان من الأنبوب"},"body":"نص من الأنبوب عن الرباط."}\n' |
  expect_code 0 "$MARSAD" ingest --db "$db" --field title=meta.h --field text=body -
expect_code 0 "$MARSAD" search --db "$db" "الأنبوب"
expect_out "عنوان من الأنبوب"
echo ok

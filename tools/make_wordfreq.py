#!/usr/bin/env python3
"""Build data/text/wordfreq.tsv: Arabic word forms and their counts.

Sources (counts only; no text is shipped):
  - ANT corpus v1.1, Jawhara FM (Apache-2.0): ../shared/data/news/ant-v1.1-jawharafm-train.jsonl.gz, title + text;
  - SaudiNewsNet (CC BY-NC-SA 4.0, an eval set; shipped as a model per ../shared/data/README.md, which allows
    models trained on eval sets when their README names the data): ../shared/data/news/saudinewsnet.jsonl.gz,
    title + content.
Forms seen fewer than MIN_COUNT times in all are left out.
The clitic analyzer uses these counts to decide whether و/ف/ب/ك/ل/س/ال at the
start of a word is a clitic (the rest is a common word) or part of the word.
Run from the repository root:  python3 tools/make_wordfreq.py
"""
import collections, gzip, json, re, sys

SRCS = [("../shared/data/news/ant-v1.1-jawharafm-train.jsonl.gz", "text"),
        ("../shared/data/news/saudinewsnet.jsonl.gz", "content")]
OUT = "data/text/wordfreq.tsv"
MIN_COUNT = 3
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
WORD = re.compile("[\u0621-\u064a]+")

def main():
    counts = collections.Counter()
    for src, field in SRCS:
        with gzip.open(src, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = MARKS.sub("", (d.get("title") or "") + "\n" + (d.get(field) or ""))
                counts.update(WORD.findall(text))
    rows = sorted(((w, c) for w, c in counts.items() if c >= MIN_COUNT), key=lambda x: (-x[1], x[0]))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Arabic word forms with their counts in ANT v1.1 Jawhara FM (Apache-2.0) and SaudiNewsNet (CC BY-NC-SA 4.0).\n")
        out.write("# Counts only, a model derived from the corpora (see data/README.md). Built by tools/make_wordfreq.py.\n")
        out.write("# Columns: form<TAB>count. Harakat removed; letters otherwise as written (keys are folded at build time).\n")
        for w, c in rows:
            out.write(f"{w}\t{c}\n")
    print(f"{OUT}: {len(rows)} forms", file=sys.stderr)

if __name__ == "__main__":
    main()

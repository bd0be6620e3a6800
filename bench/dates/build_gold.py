#!/usr/bin/python3
"""Writes tests/data/dates/gold.jsonl from a hand-annotation file.

  /usr/bin/python3 bench/dates/build_gold.py WORK_DIR [--append] [--split heldout]

WORK_DIR holds items.jsonl (from sample_gold.py) and annotate.txt, edited by
hand: after each "@id" header, one line per expression,
"text | value | grain | kind". The sentence of an eval-only corpus is not
written to the gold, only its locator (corpus.py reads it back).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def read_annotations(path):
    ann, cur = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@"):
            cur = line.split()[0][1:]
            ann[cur] = []
        elif line.startswith("#") or not line.strip():
            continue
        else:
            text, value, grain, kind = [p.strip() for p in line.split("|")]
            ann[cur].append({"text": text, "value": value, "grain": grain, "kind": kind})
    return ann


def main():
    work = sys.argv[1]
    items = [json.loads(l) for l in open(os.path.join(work, "items.jsonl"), encoding="utf-8")]
    ann = read_annotations(os.path.join(work, "annotate.txt"))
    out_path = os.path.join(ROOT, "tests", "data", "dates", "gold.jsonl")
    mode = "a" if "--append" in sys.argv else "w"
    with open(out_path, mode, encoding="utf-8") as out:
        for it in items:
            dates = ann[it["id"]]
            seen = {}
            for d in dates:
                seen[d["text"]] = seen.get(d["text"], 0) + 1
                if seen[d["text"]] > 1:
                    d["n"] = seen[d["text"]]
                start = -1
                for _ in range(d.get("n", 1)):
                    start = it["text"].find(d["text"], start + 1)
                if start < 0:
                    raise SystemExit(f"{it['id']}: '{d['text']}' not in: {it['text']}")
            g = {"id": it["id"], "source": it["source"], "file": it["file"]}
            for k in ("line", "field", "index", "start", "end", "sha1"):
                if k in it:
                    g[k] = it[k]
            if it["source"] in corpus.SHIPPABLE:
                g["text"] = it["text"]
            if it.get("now"):
                g["now"] = it["now"]
            if "--split" in sys.argv:
                g["split"] = sys.argv[sys.argv.index("--split") + 1]
            g["dates"] = dates
            out.write(json.dumps(g, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Synthetic JSON Lines for the store tests: N articles built from the bundled
samples (samples/jawharafm-sample.jsonl), each with its own URL and a unique
sentence, so they are distinct articles; every 10th has no URL (keyed by
content hash) and every 50th line repeats an earlier URL (skipped on ingest).

  make_corpus.py SOURCE_DIR N > corpus.jsonl     # prints the unique count on stderr
"""
import json
import random
import sys

src, n = sys.argv[1], int(sys.argv[2])
samples = [json.loads(l) for l in open(f"{src}/samples/jawharafm-sample.jsonl", encoding="utf-8")]
rng = random.Random(6)
unique = 0
for i in range(n):
    s = samples[i % len(samples)]
    paras = [p for p in s["text"].split("\n") if p.strip()]
    rng.shuffle(paras)
    paras.append(f"هذا هو المقال رقم {i} في المجموعة التجريبية رقم {rng.randrange(10**9)}.")
    doc = {"source": "jawharafm", "title": f"{s['title']} ({i})", "time": s.get("time") or "2017-01-20",
           "text": "\n".join(paras)}
    if i % 10 != 0:
        doc["url"] = f"http://synthetic.example/{i}"
    print(json.dumps(doc, ensure_ascii=False))
    unique += 1
    if i % 50 == 49:
        print(json.dumps(dict(doc, text=doc["text"] + " نسخة"), ensure_ascii=False))  # same URL again
print(unique, file=sys.stderr)

#!/usr/bin/env python3
"""Story figures from a store (read with Python's sqlite3; the tables are
plain SQLite):
  1. exact duplicates: every group of SaudiNewsNet articles with the same
     non-empty content must sit in one story;
  2. synthetic near-duplicates (near_dups.py): recall = share of variants in
     their original's story; precision = share of the variants that joined an
     existing story that joined their original's.
  3. an audit of the corpus's own multi-article stories: exact Jaccard of
     word-bigram sets between each member and its story's representative.

  eval_stories.py STORE.db CORPUS.jsonl.gz [TRUTH.tsv]     # prints JSON
"""
import collections
import gzip
import json
import sqlite3
import sys

db_path, corpus = sys.argv[1], sys.argv[2]
truth_path = sys.argv[3] if len(sys.argv) > 3 else None
db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
story = dict(db.execute("SELECT url, story FROM articles WHERE url IS NOT NULL"))
result = {}

docs = [json.loads(l) for l in gzip.open(corpus, "rt", encoding="utf-8")]
groups = collections.defaultdict(list)
for d in docs:
    if d["content"].strip():
        groups[d["content"]].append(d["url"])
dups = [urls for urls in groups.values() if len(urls) > 1]
split = [urls for urls in dups if len({story.get(u) for u in urls}) != 1]
missing = sum(1 for urls in dups for u in urls if u not in story)
result["exact_duplicates"] = {
    "groups": len(dups), "articles": sum(len(u) for u in dups),
    "extra_copies": sum(len(u) - 1 for u in dups),
    "groups_in_one_story": len(dups) - len(split), "groups_split": len(split), "articles_missing": missing,
}

if truth_path:
    pairs = [l.rstrip("\n").split("\t") for l in open(truth_path, encoding="utf-8")]
    size = dict(db.execute("SELECT id, articles FROM stories"))
    correct = joined = 0
    wrong = []
    for variant, original in pairs:
        sv, so = story.get(variant), story.get(original)
        if sv is not None and size.get(sv, 1) > 1:
            joined += 1
        if sv is not None and sv == so:
            correct += 1
        elif sv is not None and size.get(sv, 1) > 1:
            wrong.append(variant)
    result["near_duplicates"] = {
        "variants": len(pairs), "in_original_story": correct, "joined_some_story": joined,
        "recall": round(correct / len(pairs), 4), "precision": round(correct / joined, 4) if joined else None,
        "wrong_story": wrong[:10],
    }

# Audit: members of multi-article stories vs the representative.
def bigrams(text):
    w = text.split()
    return {(a, b) for a, b in zip(w, w[1:])}

body = dict(db.execute("SELECT id, body FROM texts"))
members = collections.defaultdict(list)
for aid, sid in db.execute("SELECT id, story FROM articles"):
    members[sid].append(aid)
rep = dict(db.execute("SELECT id, representative FROM stories WHERE articles > 1"))
sims = []
for sid, r in rep.items():
    rb = bigrams(body.get(r, ""))
    for aid in members[sid]:
        if aid == r:
            continue
        ab = bigrams(body.get(aid, ""))
        u = len(rb | ab)
        sims.append(len(rb & ab) / u if u else 1.0)
sims.sort()
def share(lo):
    return round(sum(1 for s in sims if s < lo) / len(sims), 4) if sims else None
result["story_audit"] = {
    "multi_article_stories": len(rep), "members_compared": len(sims),
    "median_jaccard": round(sims[len(sims) // 2], 3) if sims else None,
    "share_below_0.3": share(0.3), "share_below_0.1": share(0.1),
}
print(json.dumps(result, ensure_ascii=False))

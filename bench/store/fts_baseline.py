#!/usr/bin/env python3
"""The peer for `marsad ingest`: raw SQLite FTS5 with the stock unicode61
tokenizer indexing the same articles (title + body), read from the same gzip
JSON Lines, in WAL mode with the same batch size. Prints JSON: docs, seconds,
docs_per_s. Use Debian's /usr/bin/python3 (its sqlite3 module is the system
SQLite that marsad links).

  fts_baseline.py CORPUS.jsonl.gz OUT.db [BATCH]
"""
import gzip
import json
import os
import sqlite3
import sys
import time

corpus, out = sys.argv[1], sys.argv[2]
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(out + suffix):
        os.remove(out + suffix)
start = time.monotonic()
db = sqlite3.connect(out, isolation_level=None)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = NORMAL")
db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61')")
rows, n = [], 0
for line in gzip.open(corpus, "rt", encoding="utf-8"):
    d = json.loads(line)
    body = d.get("content") or d.get("text") or ""
    if not body.strip() and not (d.get("title") or "").strip():
        continue
    rows.append((d.get("title") or "", body))
    if len(rows) == batch:
        db.execute("BEGIN")
        db.executemany("INSERT INTO fts(title, body) VALUES(?, ?)", rows)
        db.execute("COMMIT")
        n += len(rows)
        rows = []
if rows:
    db.execute("BEGIN")
    db.executemany("INSERT INTO fts(title, body) VALUES(?, ?)", rows)
    db.execute("COMMIT")
    n += len(rows)
db.close()
secs = time.monotonic() - start
print(json.dumps({"docs": n, "seconds": round(secs, 2), "docs_per_s": round(n / secs, 1),
                  "sqlite": sqlite3.sqlite_version, "bytes": os.path.getsize(out)}))

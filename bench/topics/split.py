#!/usr/bin/python3
"""Deterministic 80/20 split of a JSONL corpus by a hash of one field (docno).

    bench/topics/split.py IN.jsonl.gz OUT_DIR [--key docno] [--test-percent 20]

Writes OUT_DIR/train.jsonl and OUT_DIR/test.jsonl. A document goes to the test
part when the first 8 bytes of SHA-1(key), read big-endian, modulo 100 fall
below --test-percent, so the split does not depend on line order, on Python's
hash seed or on the machine.
"""
import argparse
import gzip
import hashlib
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("out_dir")
    ap.add_argument("--key", default="docno")
    ap.add_argument("--test-percent", type=int, default=20)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    opener = gzip.open if a.input.endswith(".gz") else open
    n = {"train": 0, "test": 0}
    with opener(a.input, "rt", encoding="utf-8") as f, \
            open(os.path.join(a.out_dir, "train.jsonl"), "w", encoding="utf-8") as tr, \
            open(os.path.join(a.out_dir, "test.jsonl"), "w", encoding="utf-8") as te:
        for line in f:
            if not line.strip():
                continue
            key = str(json.loads(line)[a.key]).encode("utf-8")
            h = int.from_bytes(hashlib.sha1(key).digest()[:8], "big")
            part = "test" if h % 100 < a.test_percent else "train"
            (te if part == "test" else tr).write(line if line.endswith("\n") else line + "\n")
            n[part] += 1
    print(f"split: {n['train']} train, {n['test']} test (by {a.key})", file=sys.stderr)


if __name__ == "__main__":
    main()

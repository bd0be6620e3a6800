#!/usr/bin/python3
"""The peer: scikit-learn TfidfVectorizer (word 1-2-grams) + LinearSVC.

    /usr/bin/python3 bench/topics/sklearn_baseline.py TRAIN.jsonl TEST.jsonl \
        [--label-field cat] [--text-fields title,text] [--label-map TSV] [--repeat 3]

Trains on TRAIN and predicts TEST, with the text built the way marsad builds it
(the text fields joined by a newline). Prints one JSON object: accuracy,
macro-F1, training seconds (vectorizer fit + SVM fit) and prediction docs/s
(vectorizer transform + decision, on texts already in memory; best of
--repeat runs, as marsad's eval reports it). Times are CPU seconds of this
process (time.process_time), as marsad's are of its thread: the machines
here are shared, and wall time would measure the neighbours. Wall times are
reported beside them.
"""
import argparse
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC


def load_label_map(path):
    """raw<TAB>label lines, as marsad's --label-map; "-" drops a label."""
    m = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.strip() and not line.startswith("#"):
                raw, label = line.split("\t", 1)
                m[raw] = "" if label == "-" else label
    return m


def load(path, label_field, text_fields, label_map=None):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            parts = [d.get(k) or "" for k in text_fields]
            text = "\n".join(p for p in parts if p.strip())
            if not text.strip() or label_field not in d:
                continue
            label = str(d[label_field])
            if label_map is not None:
                label = label_map[label]
                if not label:
                    continue
            texts.append(text)
            labels.append(label)
    return texts, labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("test")
    ap.add_argument("--label-field", default="cat")
    ap.add_argument("--text-fields", default="title,text")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--label-map")
    a = ap.parse_args()
    fields = a.text_fields.split(",")
    label_map = load_label_map(a.label_map) if a.label_map else None
    xtr, ytr = load(a.train, a.label_field, fields, label_map)
    xte, yte = load(a.test, a.label_field, fields, label_map)

    t0, w0 = time.process_time(), time.perf_counter()
    vec = TfidfVectorizer(ngram_range=(1, 2))
    clf = LinearSVC()
    clf.fit(vec.fit_transform(xtr), ytr)
    train_s, train_wall = time.process_time() - t0, time.perf_counter() - w0

    best, best_wall = float("inf"), float("inf")
    for _ in range(a.repeat):
        t0, w0 = time.process_time(), time.perf_counter()
        pred = clf.predict(vec.transform(xte))
        best = min(best, time.process_time() - t0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    mb = sum(len(t.encode("utf-8")) for t in xte) / 1e6
    print(json.dumps({
        "system": "sklearn TfidfVectorizer(1-2) + LinearSVC",
        "train_docs": len(xtr), "test_docs": len(xte),
        "accuracy": accuracy_score(yte, pred),
        "macro_f1": f1_score(yte, pred, average="macro"),
        "train_seconds": train_s,
        "train_wall_seconds": train_wall,
        "predict_docs_per_s": len(xte) / best,
        "predict_wall_docs_per_s": len(xte) / best_wall,
        "predict_mb_per_s": mb / best,
        "features": len(vec.vocabulary_),
        "per_label_f1": dict(zip(sorted(set(yte) | set(pred)),
                                 f1_score(yte, pred, average=None, labels=sorted(set(yte) | set(pred))))),
    }))


if __name__ == "__main__":
    main()

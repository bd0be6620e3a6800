#!/usr/bin/python3
"""Formats one run of bench/run-topics-bench as a Markdown section.

    bench/topics/report.py TMP_DIR COMMIT REPEAT

Reads, per split NAME (multisource, jawhara), the files run-topics-bench
leaves in TMP_DIR: NAME.time (/usr/bin/time: wall, user, sys seconds of
`marsad topics train`), NAME.train (its report), NAME.eval.json (`marsad
topics eval --json`) and NAME.sklearn.json (sklearn_baseline.py).
"""
import datetime
import json
import os
import sys

SPLITS = [
    ("multisource", "ANT v2.1 multi-source (6 sections), 80/20 by docno"),
    ("jawhara", "ANT v1.1 Jawhara FM, taxonomy labels, 80/20 by docno (the bundled model's recipe)"),
]


def main():
    tmp, commit, repeat = sys.argv[1], sys.argv[2], sys.argv[3]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    out = [f"\n## {now} · commit {commit} · load average {load:.1f} on {os.cpu_count()} cores\n"]
    for name, title in SPLITS:
        wall, user, system = (float(x) for x in open(f"{tmp}/{name}.time").read().split()[-3:])
        ev = json.load(open(f"{tmp}/{name}.eval.json"))
        sk = json.load(open(f"{tmp}/{name}.sklearn.json"))
        ratio = ev["docs_per_s"] / sk["predict_docs_per_s"]
        out.append(f"### {title}\n")
        out.append(f"{ev['documents']} test documents, {sk['train_docs']} training documents. "
                   f"Prediction: texts in memory, feature extraction included, best of {repeat} runs, "
                   f"CPU seconds of the process.\n")
        out.append("| system | accuracy | macro-F1 | training s (CPU / wall) | prediction docs/s (CPU) |")
        out.append("|---|---:|---:|---:|---:|")
        out.append(f"| marsad `{ev['model'].split(': ', 1)[-1]}` | {ev['accuracy']:.4f} | {ev['macro_f1']:.4f} | "
                   f"{user + system:.1f} / {wall:.1f} | {ev['docs_per_s']:,.0f} |")
        out.append(f"| sklearn TF-IDF(1–2) + LinearSVC | {sk['accuracy']:.4f} | {sk['macro_f1']:.4f} | "
                   f"{sk['train_seconds']:.1f} / {sk['train_wall_seconds']:.1f} | {sk['predict_docs_per_s']:,.0f} |")
        out.append("")
        out.append(f"marsad − sklearn: accuracy {ev['accuracy'] - sk['accuracy']:+.4f}, "
                   f"macro-F1 {ev['macro_f1'] - sk['macro_f1']:+.4f}; prediction **{ratio:.1f}×** faster. "
                   f"marsad's calibration: log-loss {ev['log_loss']:.3f}, ECE {ev['ece']:.3f}.\n")
        labels = [p["label"] for p in ev["per_label"]]
        out.append("| F1 per label | " + " | ".join(labels) + " |")
        out.append("|---|" + "---:|" * len(labels))
        out.append("| marsad | " + " | ".join(f"{p['f1']:.3f}" for p in ev["per_label"]) + " |")
        out.append("| sklearn | " + " | ".join(f"{sk['per_label_f1'].get(l, 0):.3f}" for l in labels) + " |")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Date extraction throughput: marsad vs python3-dateparser's search_dates, same sentences, same run.

  /usr/bin/python3 bench/dates/bench.py [--sentences N] [--repeat R] [--marsad build/marsad]

Sentences are drawn from the shared news corpora (SaudiNewsNet, ANT, Jawhara FM,
the Moroccan outlets), every one with at least one word, in a fixed order. Both
systems get the same reference time. dateparser runs in this process on every
sentence once; marsad runs `marsad dates --lines` on the same sentences repeated
R times (its own process, start-up included), since one pass is too short to
time. Then both are scored on the gold (eval_gold.py). Prints a Markdown block.
"""
import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402
import eval_gold  # noqa: E402

NOW = "2018-06-01"


def sentences(n):
    out = []
    per = {"saudinewsnet": n * 3 // 10, "ant": n * 3 // 10, "jawharafm": n * 2 // 10, "febrayer": n // 10, "yabiladi": n // 10}
    for source, want in per.items():
        got = 0
        for _, obj in corpus.iter_documents(source):
            field = corpus.SOURCES[source][1]
            text = corpus.field_text(obj, field)
            for s, e in corpus.sentences(text):
                sent = text[s:e].replace("\n", " ")
                if len(sent.split()) >= 4:
                    out.append(sent)
                    got += 1
                if got >= want:
                    break
            if got >= want:
                break
    return out


def time_marsad(marsad, sents, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        for _ in range(repeat):
            f.write("\n".join(sents) + "\n")
        path = f.name
    try:
        # Output goes to /dev/null: piping 20 MB of JSON into Python would time Python.
        t0 = time.perf_counter()
        subprocess.run([marsad, "dates", "--now", NOW, "--lines", path], stdout=subprocess.DEVNULL, check=True)
        secs = time.perf_counter() - t0
    finally:
        os.unlink(path)
    out = subprocess.run([marsad, "dates", "--now", NOW, "--lines", "-"], input=("\n".join(sents) + "\n").encode(),
                         capture_output=True, check=True)
    found = sum(l.count(b'"kind"') for l in out.stdout.splitlines())
    return len(sents) * repeat / secs, found, len(sents)


def time_dateparser(sents):
    from dateparser.search import search_dates
    base = datetime.datetime.fromisoformat(NOW)
    found = 0
    t0 = time.perf_counter()
    for s in sents:
        try:
            r = search_dates(s, languages=["ar"], settings={"RELATIVE_BASE": base, "DATE_ORDER": "DMY"})
        except Exception:  # dateparser raises on some inputs
            r = None
        found += len(r or [])
    return len(sents) / (time.perf_counter() - t0), found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--marsad", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "marsad"))
    a = ap.parse_args()
    if not os.path.isdir(corpus.DATA):
        print(f"SKIP: {corpus.DATA} absent")
        return 77
    sents = sentences(a.sentences)
    m_rate, m_found, _ = time_marsad(a.marsad, sents, a.repeat)
    d_rate, d_found = time_dateparser(sents)
    gold = eval_gold.load_gold(eval_gold.GOLD)
    eval_gold.corpus.resolve_sentences(gold)
    m_pred, _ = eval_gold.run_marsad(a.marsad, gold)
    d_pred, _ = eval_gold.run_dateparser(gold)
    ms = eval_gold.score(gold, m_pred, True)
    ds = eval_gold.score(gold, d_pred, False)
    import dateparser
    print(f"### {datetime.date.today()} — {platform.node()} ({os.cpu_count()} cores), dateparser {dateparser.__version__}\n")
    print(f"{len(sents)} real sentences, reference {NOW}; marsad: `marsad dates --lines` over them x{a.repeat};"
          f" dateparser: `search_dates(languages=['ar'])` over them once.\n")
    print("| system | sentences/s | expressions found | gold span P | gold span R | gold F1 | value acc |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| marsad | {m_rate:,.0f} | {m_found} | {ms['precision']:.3f} | {ms['recall']:.3f} | {ms['f1']:.3f} |"
          f" {ms['value_accuracy']:.3f} |")
    print(f"| dateparser | {d_rate:,.0f} | {d_found} | {ds['precision']:.3f} | {ds['recall']:.3f} | {ds['f1']:.3f} |"
          f" {ds['value_accuracy']:.3f} |")
    print(f"\n**marsad / dateparser: {m_rate / d_rate:,.0f}x sentences/s** (gold: all {ms['gold']} expressions;"
          f" dateparser's overlap P/R {ds['overlap_precision']:.3f}/{ds['overlap_recall']:.3f})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

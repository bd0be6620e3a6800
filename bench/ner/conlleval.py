#!/usr/bin/env python3
"""Entity-level precision/recall/F1, as conlleval computes them.

Input: `token GOLD PRED` lines (tab or space separated; the last two fields are
the tags), a blank line between sentences. A chunk starts at B-X, or at I-X
after a different type or O; it must match in span and type to count.

  conlleval.py FILE [--json]      prints a table per type, or one JSON object
"""
import json
import sys


def split(tag):
    if tag == "O" or len(tag) < 3:
        return "O", ""
    return tag[0], tag[2:]


def chunks(tags):
    """[(start, end, type)] with end exclusive, conlleval's rules."""
    out, start, cur = [], None, None
    for i, t in enumerate(tags + ["O"]):
        p, ty = split(t)
        starts = p == "B" or (p == "I" and ty != cur)
        if cur is not None and (p == "O" or starts):
            out.append((start, i, cur))
            cur = None
        if p != "O" and (starts or cur is None):
            start, cur = i, ty
    return out


def score(lines):
    sent_g, sent_p = [], []
    tokens = correct_tokens = 0
    g_chunks, p_chunks = set(), set()
    offset = 0
    for line in lines + [""]:
        f = line.split()
        if len(f) < 2 or not line.strip():
            g_chunks.update((offset + a, offset + b, t) for a, b, t in chunks(sent_g))
            p_chunks.update((offset + a, offset + b, t) for a, b, t in chunks(sent_p))
            offset += len(sent_g) + 1
            sent_g, sent_p = [], []
            continue
        g, p = f[-2], f[-1]
        sent_g.append(g)
        sent_p.append(p)
        tokens += 1
        correct_tokens += g == p
    types = sorted({t for _, _, t in g_chunks | p_chunks})
    res = {"tokens": tokens, "accuracy": correct_tokens / max(tokens, 1), "types": {}}

    def prf(gs, ps):
        ok = len(gs & ps)
        p = ok / len(ps) if ps else 0.0
        r = ok / len(gs) if gs else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"gold": len(gs), "pred": len(ps), "correct": ok, "p": p, "r": r, "f1": f}

    for t in types:
        res["types"][t] = prf({c for c in g_chunks if c[2] == t}, {c for c in p_chunks if c[2] == t})
    res["overall"] = prf(g_chunks, p_chunks)
    return res


def table(res):
    rows = ["| type | gold | pred | P | R | F1 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in list(res["types"].items()) + [("overall", res["overall"])]:
        rows.append(f"| {name} | {r['gold']} | {r['pred']} | {100*r['p']:.2f} | {100*r['r']:.2f} | {100*r['f1']:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        res = score(fh.read().split("\n"))
    print(json.dumps(res) if "--json" in sys.argv else table(res))

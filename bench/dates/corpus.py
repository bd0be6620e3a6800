"""Sentences of the shared corpora, addressed so that the gold can point at them.

The gold (tests/data/dates/gold.jsonl) may not copy sentences of eval-only
corpora (SaudiNewsNet, ANT multisource, the Moroccan outlets: see
../shared/data/README.md). It stores a locator instead: file, line, field,
character range and a SHA-1 prefix of the sentence; this module reads the
sentence back. Shippable sources (Jawhara FM, Wojood, dateparser's tests) keep
their text inline.
"""
import gzip
import hashlib
import json
import os
import re

SHARED = os.environ.get("MARSAD_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
DATA = os.path.join(SHARED, "data")

# Where each source keeps its text and its reference time.
SOURCES = {
    "saudinewsnet": ("news/saudinewsnet.jsonl.gz", "content", "date_extracted"),
    "ant": ("news/ant-v2.1-multisource-train.jsonl.gz", "text", "time"),
    "jawharafm": ("news/ant-v1.1-jawharafm-train.jsonl.gz", "text", "time"),
    "febrayer": ("news/moroccan-febrayer_articles.jsonl", "paragraphs", None),
    "yabiladi": ("news/moroccan-yabiladi_articles.jsonl", "content", None),
}
SHIPPABLE = {"jawharafm", "wojood", "dateparser", "marsad"}


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def open_text(path):
    full = os.path.join(DATA, path)
    return gzip.open(full, "rt", encoding="utf-8") if path.endswith(".gz") else open(full, encoding="utf-8")


def field_text(obj, field, index=None):
    v = obj.get(field)
    if isinstance(v, list):
        return v[index] if index is not None else "\n".join(v)
    return v or ""


_SENT = re.compile(r"[^.!؟?\n]+(?:[.!؟?]+|$)")


def sentences(text):
    """(start, end) character ranges of the sentences of a text, trimmed."""
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def iter_documents(source):
    """(line, object) of every document of a corpus, 1-based lines."""
    path = SOURCES[source][0]
    with open_text(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                yield n, json.loads(line)


def iter_wojood():
    """(file, index, text, [date span texts]) of Wojood's sentences; DATE spans from its nested IOB tags."""
    for name in ("wojood-sample-train.txt", "wojood-sample-val.txt", "wojood-sample-test.txt"):
        toks, tags, index = [], [], 0
        with open(os.path.join(DATA, "ner", name), encoding="utf-8") as f:
            for line in list(f) + [""]:
                line = line.rstrip("\n")
                if not line.strip():
                    if toks:
                        text = " ".join(t for t in toks if t != "$#$")
                        spans, cur = [], None
                        for t, tg in zip(toks, tags):
                            if t == "$#$":
                                continue
                            if "B-DATE" in tg:
                                if cur:
                                    spans.append(cur)
                                cur = [t]
                            elif "I-DATE" in tg and cur is not None:
                                cur.append(t)
                            else:
                                if cur:
                                    spans.append(cur)
                                cur = None
                        if cur:
                            spans.append(cur)
                        yield "ner/" + name, index, text, [" ".join(s) for s in spans]
                        index += 1
                    toks, tags = [], []
                    continue
                parts = line.split()
                toks.append(parts[0])
                tags.append(parts[1:])


def resolve_sentences(gold, needed=None):
    """Fills item["text"] of gold items that carry a locator; returns the ids that could not be read."""
    wanted = {}
    for g in gold:
        if "text" not in g:
            wanted.setdefault(g["file"], {}).setdefault(g["line"], []).append(g)
    missing = []
    for path, lines in wanted.items():
        full = os.path.join(DATA, path)
        if not os.path.exists(full):
            missing += [g["id"] for gs in lines.values() for g in gs]
            continue
        with open_text(path) as f:
            for n, line in enumerate(f, 1):
                if n not in lines:
                    continue
                obj = json.loads(line)
                for g in lines[n]:
                    text = field_text(obj, g["field"], g.get("index"))[g["start"]:g["end"]]
                    if sha(text) != g["sha1"]:
                        raise ValueError(f"{g['id']}: {path}:{n} no longer holds the annotated sentence")
                    g["text"] = text
    return missing

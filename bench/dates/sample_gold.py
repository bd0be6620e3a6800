#!/usr/bin/python3
"""Draws candidate sentences for the dates gold and pre-annotates them.

  /usr/bin/python3 bench/dates/sample_gold.py OUT_DIR

Sentences come from every source the issue names: SaudiNewsNet, ANT
multisource, Jawhara FM, the Moroccan outlets and Wojood (its DATE spans). Most
are drawn among sentences with a time word from a broad list that is not
marsad's lexicon (so the draw does not favour what marsad already finds); a
share are drawn among sentences with digits and no time word (the numbers that
must not become dates). Each sentence is written with hints: marsad's
proposals, dateparser's search_dates, Wojood's spans. The hints are only a
start: every sentence is then read and annotated by hand (docs/dates.md says how).
"""
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402

TIME_WORDS = re.compile(
    r"يناير|فبراير|مارس|ا?[أإ]?بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر|كانون|شباط|[آا]ذار|نيسان|"
    r"[أا]يار|حزيران|تموز|\b[آا]ب\b|[أا]يلول|تشرين|\bماي\b|يوليوز|غشت|شتنبر|نونبر|دجنبر|جانفي|فيفري|[أا]فريل|جوان|"
    r"جويلية|[أا]وت|محرم|صفر|ربيع|جماد|رجب|شعبان|رمضان|شوال|القعدة|الحجة|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|"
    r"الخميس|الجمعة|السبت|[أا]مس|اليوم|غدا|الغد|البارحة|الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|منذ|قبل|بعد|"
    r"خلال|عام|سنة|سنوات|[أا]عوام|شهر|[أا]شهر|[أا]سبوع|يوم|[أا]يام|ساعة|ساعات|الساعة|دقيقة|صباح|مساء|ليلة|فجر|ظهر|"
    r"عيد|مطلع|نهاية|[أا]واخر|منتصف|بداية|هـ|\d+\s*/\s*\d+")
DIGITS = re.compile(r"\d|[٠-٩]")


def run_marsad(marsad, items):
    data = "".join(json.dumps({"text": it["text"], "published": it.get("now") or ""}, ensure_ascii=False) + "\n"
                   for it in items)
    out = subprocess.run([marsad, "dates", "--jsonl", "-"], input=data.encode(), capture_output=True, check=False)
    return [json.loads(l) for l in out.stdout.decode().splitlines()]


def run_dateparser(items):
    from dateparser.search import search_dates
    res = []
    for it in items:
        settings = {"DATE_ORDER": "DMY"}
        if it.get("now"):
            from eval_gold import parse_now
            settings["RELATIVE_BASE"] = parse_now(it["now"])
        try:
            found = search_dates(it["text"], languages=["ar"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; none found
            found = []
        res.append([(s, d.isoformat()) for s, d in found])
    return res


def draw(source, n_time, n_digits, rng, step):
    """n_time sentences with a time word and n_digits with digits only, from every step-th document."""
    path, field, ref_field = corpus.SOURCES[source]
    time_pool, digit_pool = [], []
    for line, obj in corpus.iter_documents(source):
        if line % step:
            continue
        values = obj.get(field)
        indices = range(len(values)) if isinstance(values, list) else [None]
        for index in indices:
            text = corpus.field_text(obj, field, index)
            for s, e in corpus.sentences(text):
                sent = text[s:e]
                words = len(sent.split())
                if words < 6 or words > 60:
                    continue
                item = {"source": source, "file": path, "line": line, "field": field, "start": s, "end": e,
                        "sha1": corpus.sha(sent), "text": sent}
                if index is not None:
                    item["index"] = index
                if ref_field and obj.get(ref_field):
                    item["now"] = obj[ref_field]
                if TIME_WORDS.search(sent):
                    time_pool.append(item)
                elif DIGITS.search(sent):
                    digit_pool.append(item)
    return rng.sample(time_pool, min(n_time, len(time_pool))) + rng.sample(digit_pool, min(n_digits, len(digit_pool)))


# Second pass: a few sentences per category of the issue, so that every category
# is in the gold even when it is rare in a random draw. Drawn by these patterns,
# not by marsad.
CATEGORIES = {
    "zone": r"بتوقيت|غرينتش|جرينتش|GMT|ت\.? ?غ\b",
    "clock": r"الساعة (?:ال\w+|\d)",
    "rolling": r"الـ ?\d+ \w+ (?:الماضية|المقبلة|الأخيرة)|(?:الأيام|الساعات|السنوات|الأشهر) (?:الـ ?\d+|ال\w+) (?:الماضية|المقبلة|الأخيرة)",
    "shift": r"منذ (?:يومين|\d+ أيام|ثلاثة أيام)|قبل (?:يومين|أسبوع|عامين|\d+ سنوات)|بعد (?:يومين|أسبوعين|شهرين)",
    "set": r"كل (?:يوم|أسبوع|شهر|عام|سنة|اثنين|جمعة)|يوميا|أسبوعيا|سنويا|شهريا",
    "interval": r"يومي \d|بين عامي|من \d+ (?:إلى|الى|حتى) \d+|\d+ و ?\d+ (?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|جوان)",
    "holiday": r"عيد الأضحى|المولد النبوي|رأس السنة|عاشوراء|ليلة القدر|عيد العرش|عيد الفطر",
    "hijri": r"\d+ ?هـ|(?:محرم|صفر|ربيع|جمادى|رجب|شعبان|شوال|القعدة|الحجة) \d",
    "maghreb": r"غشت|شتنبر|نونبر|دجنبر|يوليوز|\bماي\b",
    "levant": r"كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|\bآب\b|أيلول",
    "quarter": r"الربع (?:الأول|الثاني|الثالث|الرابع|الأخير)|النصف (?:الأول|الثاني) من|الفصل (?:الأول|الثاني|الثالث|الرابع) من",
    "dual": r"\b(?:يومين|أسبوعين|شهرين|عامين|سنتين|ساعتين)\b",
    "numeric": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}",
    "mod": r"(?:مطلع|أواخر|أوائل|منتصف|نهاية|بداية) (?:العام|الشهر|الأسبوع|\d{4}|يناير|فبراير|مارس|الجاري)",
    "part": r"(?:صباح|مساء|فجر|ظهر|ليلة|عصر) (?:اليوم|أمس|الغد|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)",
    "numbers": r"\d+ ?- ?\d+|\d+:\d+|هاتف|\d+ (?:دولار|درهم|ريال|دينار)|صفحة \d+",
}


def targeted(rng, per_category=4):
    items = []
    pools = {c: [] for c in CATEGORIES}
    pats = {c: re.compile(p) for c, p in CATEGORIES.items()}
    for source, step in (("saudinewsnet", 13), ("ant", 17), ("jawharafm", 3), ("febrayer", 1), ("yabiladi", 1)):
        for it in draw(source, 10 ** 9, 0, rng, step):
            for c, pat in pats.items():
                if pat.search(it["text"]):
                    pools[c].append(it)
    taken = set()
    for c in CATEGORIES:
        pool = [it for it in pools[c] if (it["file"], it["line"], it["start"]) not in taken]
        for it in rng.sample(pool, min(per_category, len(pool))):
            taken.add((it["file"], it["line"], it["start"]))
            items.append(dict(it, category=c))
    return items


# Third pass: sentences with a strong time cue (a month, a weekday, a relative
# day, a year after عام/سنة, a count of units after منذ/قبل, a clock), to reach
# a gold of several hundred expressions without reading thousands of sentences.
STRONG = re.compile(
    r"يناير|فبراير|مارس|[أا]بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر|كانون|شباط|[آا]ذار|[أا]يار|"
    r"حزيران|تموز|[أا]يلول|تشرين|يوليوز|غشت|شتنبر|نونبر|دجنبر|جانفي|فيفري|[أا]فريل|جوان|جويلية|الأحد|الاثنين|"
    r"الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|[أا]مس|اليوم|غدا|(?:عام|سنة) \d|منذ \S+ (?:\S+ )?(?:أيام|يوما|"
    r"سنوات|عاما|أشهر|شهرا|ساعات|أسابيع)|الساعة \S+|هـ")


def dense(rng, used):
    items = []
    for source, n, step in (("saudinewsnet", 25, 29), ("ant", 25, 31), ("jawharafm", 22, 7), ("febrayer", 15, 1),
                            ("yabiladi", 5, 1)):
        pool = [it for it in draw(source, 10 ** 9, 0, rng, step)
                if STRONG.search(it["text"]) and (it["file"], it["line"], it["start"]) not in used]
        items += rng.sample(pool, min(n, len(pool)))
    woj = [w for w in corpus.iter_wojood() if w[3] and (w[0], w[1]) not in used]
    for path, index, text, spans in rng.sample(woj, 20):
        items.append({"source": "wojood", "file": path, "index": index, "text": text, "wojood": spans})
    return items


# Held-out pass: drawn like the first one, after marsad was frozen, annotated
# without changing marsad afterwards; its figures are the honest ones.
def heldout(rng, used):
    items = []
    for source, n_time, n_digits, step in (("saudinewsnet", 24, 4, 23), ("ant", 22, 4, 19), ("jawharafm", 16, 3, 5),
                                           ("febrayer", 12, 2, 1), ("yabiladi", 4, 1, 1)):
        pool = [it for it in draw(source, 10 ** 9, 10 ** 9, rng, step)
                if (it["file"], it["line"], it["start"]) not in used]
        timed = [it for it in pool if TIME_WORDS.search(it["text"])]
        digits = [it for it in pool if not TIME_WORDS.search(it["text"])]
        items += rng.sample(timed, min(n_time, len(timed))) + rng.sample(digits, min(n_digits, len(digits)))
    woj = [w for w in corpus.iter_wojood() if w[3] and (w[0], w[1]) not in used]
    for path, index, text, spans in rng.sample(woj, 15):
        items.append({"source": "wojood", "file": path, "index": index, "text": text, "wojood": spans})
    return items


def used_sentences(gold_path):
    used = set()
    for l in open(gold_path, encoding="utf-8"):
        g = json.loads(l)
        used.add((g["file"], g.get("line"), g.get("start")) if "line" in g else (g["file"], g.get("index")))
    return used


def main():
    if len(sys.argv) > 3 and sys.argv[2] == "--heldout":
        return write(sys.argv[1], heldout(random.Random(99), used_sentences(sys.argv[3])), "h")
    if len(sys.argv) > 2 and sys.argv[2] == "--targeted":
        return write(sys.argv[1], targeted(random.Random(7)), "x")
    if len(sys.argv) > 3 and sys.argv[2] == "--dense":
        return write(sys.argv[1], dense(random.Random(11), used_sentences(sys.argv[3])), "d")
    out_dir = sys.argv[1]
    rng = random.Random(2025)
    items = []
    items += draw("saudinewsnet", 95, 12, rng, 37)
    items += draw("ant", 65, 10, rng, 41)
    items += draw("jawharafm", 55, 8, rng, 11)
    items += draw("febrayer", 40, 6, rng, 1)
    items += draw("yabiladi", 12, 2, rng, 1)
    woj = [w for w in corpus.iter_wojood()]
    with_dates = [w for w in woj if w[3]]
    for path, index, text, spans in rng.sample(with_dates, 75):
        items.append({"source": "wojood", "file": path, "index": index, "text": text, "wojood": spans})
    write(out_dir, items, "")


def write(out_dir, items, tag):
    marsad = os.environ.get("MARSAD", os.path.join(os.path.dirname(__file__), "..", "..", "build", "marsad"))
    prefix = {"saudinewsnet": "snn", "ant": "ant", "jawharafm": "jaw", "febrayer": "feb", "yabiladi": "yab",
              "wojood": "woj"}
    counts = {}
    for it in items:
        counts[it["source"]] = counts.get(it["source"], 0) + 1
        it["id"] = f"{prefix[it['source']]}-{tag}{counts[it['source']]:03d}"
    marsad_out = run_marsad(marsad, items)
    dp_out = run_dateparser(items)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "items.jsonl"), "w") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "annotate.txt"), "w") as f:
        for it, m, d in zip(items, marsad_out, dp_out):
            f.write(f"@{it['id']} now={it.get('now', '')}\n# {it['text']}\n")
            for s in it.get("wojood", []):
                f.write(f"#W {s}\n")
            for s, v in d:
                f.write(f"#D {s} -> {v}\n")
            for e in m:
                f.write(f"{e['text']} | {canonical(e)}\n")
            f.write("\n")


def canonical(e):
    sys.path.insert(0, os.path.dirname(__file__))
    from eval_gold import canonical_marsad
    return canonical_marsad(e)


if __name__ == "__main__":
    main()

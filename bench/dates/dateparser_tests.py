"""Runs marsad on dateparser's Arabic test cases (../shared/data/dates/dateparser-ar-tests.jsonl).

The cases are dateparser's own expectations, so each is checked against what
it asks for, read in marsad's terms:
  relative_ago    one expression covering the text whose value is the reference minus the offset (day grain);
  translation     the text read as a date, a duration or an offset ("2 day" = P2D, "1 day ago" = days -1);
  hijri_absolute  a Hijri date (DMY) converted to the Gregorian value expected;
  search          each expected date found in running text with its value.
"""
import datetime
import json
import os
import re
import subprocess


def run_marsad(marsad, texts, nows):
    data = "".join(json.dumps({"text": t, "published": n or ""}, ensure_ascii=False) + "\n" for t, n in zip(texts, nows))
    out = subprocess.run([marsad, "dates", "--jsonl", "-"], input=data.encode(), capture_output=True, check=True)
    return [json.loads(l) for l in out.stdout.decode().splitlines()]


def covers(e, text):
    return e["text"].strip() == text.strip() or text.strip().startswith(e["text"]) and len(e["text"]) >= len(text.strip()) - 2


def check(case, found):
    kind = case["kind"]
    text = case["text"]
    if kind == "relative_ago":
        ref = datetime.datetime.fromisoformat(case["reference_time"])
        ago = case["expected_ago"]
        want = ref - datetime.timedelta(days=ago.get("days", 0) + 7 * ago.get("weeks", 0))
        if set(ago) - {"days", "weeks"}:
            return False, "offset in several units"
        return any(covers(e, text) and e.get("value", "")[:10] == want.strftime("%Y-%m-%d") for e in found), ""
    if kind == "translation":
        t = case["expected_translation"]
        m = re.fullmatch(r"(\d+) day ago", t)
        if m:
            return any(covers(e, text) and dict(e.get("offset", {})).get("days") == -int(m.group(1)) for e in found), ""
        m = re.fullmatch(r"(?:ago )?(\d+) (day|hour|year)(?: ago)?", t)
        if m:
            n, unit = int(m.group(1)), m.group(2)
            code = {"day": f"P{n}D", "hour": f"PT{n}H", "year": f"P{n}Y"}[unit]
            if t.startswith("ago") or t.endswith("ago"):
                return any(covers(e, text) and dict(e.get("offset", {})).get(unit + "s") == -n for e in found), ""
            return any(covers(e, text) and e.get("duration") == code for e in found), ""
        m = re.fullmatch(r"(\d+) (\w+) (\d{4}) (\d\d):(\d\d) (am|pm)", t)
        if m:
            d = datetime.datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%d %B %Y")
            h = int(m.group(4)) % 12 + (12 if m.group(6) == "pm" else 0)
            want = d.strftime("%Y-%m-%d") + f"T{h:02d}:{m.group(5)}"
            return any(covers(e, text) and e.get("value", "")[:16] == want for e in found), ""
        return False, "untranslatable expectation"
    if kind == "hijri_absolute":
        want = case["expected"]
        has_time = not want.endswith("T00:00")
        return any(e.get("value", "")[: 16 if has_time else 10] == (want if has_time else want[:10]) for e in found), ""
    if kind == "search":
        ok = True
        for span, value in case["expected_spans"]:
            ok = ok and any(e["text"] in span and e.get("value", "")[:10] == value[:10] for e in found)
        return ok, ""
    return False, "unknown kind"


def run(marsad, path, min_pass=0):
    if not os.path.exists(path):
        print(f"SKIP: {path} absent")
        return 77
    cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    nows = [c.get("reference_time") or c.get("relative_base") for c in cases]
    results = run_marsad(marsad, [c["text"] for c in cases], nows)
    passed = 0
    for c, found in zip(cases, results):
        ok, why = check(c, found)
        passed += ok
        got = "; ".join(f"[{e['text']}] {e.get('value') or e.get('duration') or e.get('offset')}" for e in found)
        print(f"{'PASS' if ok else 'FAIL'} {c['kind']:15s} {c['text'][:50]:50s} -> {got}{'  (' + why + ')' if why else ''}")
    print(f"dateparser-ar-tests: {passed}/{len(cases)} passed")
    return 1 if passed < min_pass else 0

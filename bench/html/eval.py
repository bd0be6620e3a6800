#!/usr/bin/env python3
"""Scores `marsad extract` on trafilatura's evaluation set the way trafilatura's
own evaluation does: a `with` snippet found in the extracted main text is a
true positive, one missing a false negative; a `without` snippet found is a
false positive, one absent a true negative.

  bench/html/eval.py [--marsad build/marsad] [--data ../shared/data/html/trafilatura-eval]
                     [--min-f1 0.9] [--errors N] [--json out.json]

Exits 77 (skip) when the data is absent, 1 when F1 is below --min-f1.
"""
import argparse, json, os, subprocess, sys

def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument('--marsad', default=os.path.join(root, 'build', 'marsad'))
    ap.add_argument('--data', default=os.path.join(root, '..', 'shared', 'data', 'html', 'trafilatura-eval'))
    ap.add_argument('--min-f1', type=float, default=0.0)
    ap.add_argument('--errors', type=int, default=0, help='show the N pages with most wrong snippets')
    ap.add_argument('--with-title', action='store_true', help='count the title as part of the text')
    ap.add_argument('--json', help='write per-page results here')
    a = ap.parse_args()
    evalfile = os.path.join(a.data, 'evaldata.json')
    if not os.path.exists(evalfile):
        print(f'SKIP: {evalfile} absent (the trafilatura evaluation set lives in ../shared)')
        return 77
    ev = json.load(open(evalfile, encoding='utf-8'))
    manifest = json.load(open(os.path.join(a.data, 'html_manifest.json'), encoding='utf-8'))
    files, urls = [], {}
    for url, m in manifest.items():
        path = os.path.join(a.data, 'html', m['file'] + '.gz')
        if url in ev and os.path.exists(path):
            files.append(path)
            urls[path] = url
    out = subprocess.run([a.marsad, 'extract', '--json'] + files, capture_output=True)
    texts = {}
    for line in out.stdout.decode('utf-8').split('\n'):
        if not line: continue
        o = json.loads(line)
        t = o['text']
        if a.with_title and o['title']:
            t = o['title'] + '\n' + t
        texts[o['input']['file']] = t
    tp = fn = fp = tn = 0
    rows = []
    for path in files:
        item = ev[urls[path]]
        text = texts.get(path)
        r = {'url': urls[path], 'file': os.path.basename(path), 'missing': [], 'extra': []}
        for s in item.get('with', []):
            if text is not None and s in text: tp += 1
            else: fn += 1; r['missing'].append(s)
        for s in item.get('without', []):
            if text is not None and s in text: fp += 1; r['extra'].append(s)
            else: tn += 1
        rows.append(r)
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0
    acc = (tp + tn) / (tp + tn + fp + fn)
    print(f'pages {len(files)}  tp {tp} fn {fn} fp {fp} tn {tn}')
    print(f'precision {p:.3f}  recall {rc:.3f}  f1 {f1:.3f}  accuracy {acc:.3f}')
    if a.errors:
        rows.sort(key=lambda r: -(len(r['missing']) + len(r['extra'])))
        for r in rows[:a.errors]:
            if not r['missing'] and not r['extra']: break
            print(f"\n{r['file']}  {r['url']}")
            for s in r['missing']: print(f'  - missing: {s[:100]}')
            for s in r['extra']: print(f'  + extra:   {s[:100]}')
    if a.json:
        json.dump({'precision': p, 'recall': rc, 'f1': f1, 'accuracy': acc, 'pages': rows}, open(a.json, 'w'), ensure_ascii=False, indent=1)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr.decode('utf-8', 'replace')[-2000:])
    if f1 < a.min_f1:
        print(f'FAIL: f1 {f1:.3f} below {a.min_f1}')
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())

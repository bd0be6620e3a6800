#!/usr/bin/env python3
"""Publication dates on the Arabic page set (tests/data/html): how many pages get
the article's day right, as the pages are and with every machine-readable date
removed (article:published_time, JSON-LD, itemprop and date <meta>s, <time
datetime>), so that only the prose near the headline is left.

  bench/html/arabic_dates.py --marsad build/marsad [--verbose]
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.join(HERE, '..', '..', 'tests', 'data', 'html')

MACHINE = [
    re.compile(rb'<meta[^>]*(published_time|datePublished|dateModified|name="date")[^>]*>', re.I),
    re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S),
    re.compile(rb'\sdatetime="[^"]*"'),
]


def strip_machine_dates(page):
    for r in MACHINE:
        page = r.sub(b'', page)
    return page


def extract(marsad, path, url):
    r = subprocess.run([marsad, 'extract', '--json', '--url', url, path], capture_output=True)
    try:
        return json.loads(r.stdout.decode('utf-8').splitlines()[0])
    except (IndexError, ValueError):
        return {}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--marsad', required=True)
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(os.path.join(SET, 'expected.jsonl'), encoding='utf-8') if l.strip()]
    right = {'as is': 0, 'prose only': 0}
    with tempfile.TemporaryDirectory() as tmp:
        for x in rows:
            page = open(os.path.join(SET, 'pages', x['file']), 'rb').read()
            stripped = os.path.join(tmp, x['file'])
            open(stripped, 'wb').write(strip_machine_dates(page))
            for kind, path in (('as is', os.path.join(SET, 'pages', x['file'])), ('prose only', stripped)):
                got = extract(args.marsad, path, x['url'])
                ok = got.get('published', '')[:10] == x['day']
                right[kind] += ok
                if args.verbose and not ok:
                    print(f"{kind:10} {x['file']}: {got.get('published', '')!r} ({got.get('published_from', '')}) want {x['day']}")
    for kind, n in right.items():
        print(f'{kind:10}: {n}/{len(rows)} pages with the right day')


if __name__ == '__main__':
    sys.exit(main())

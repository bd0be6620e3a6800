#!/usr/bin/env python3
"""Writes a small WARC crawl (.warc.gz, one gzip member per record, as crawlers
write them) from HTML pages, the way a crawler stores them: a warcinfo record,
then for each page a request and a response. Some responses use chunked
transfer encoding, some are gzip-encoded, pages declared windows-1256 carry the
charset in the HTTP header only; a 404, an image and a page without article
text are mixed in (not articles: skipped or reported, never fatal).

  python3 tests/data/html/make_warc.py OUT.warc.gz PAGE.html[.gz]...
  python3 tests/data/html/make_warc.py --shared N OUT.warc.gz   # N pages of ../shared's trafilatura set

The committed tests/data/html/pages.warc.gz is
  python3 tests/data/html/make_warc.py tests/data/html/pages.warc.gz tests/data/html/pages/0[1-7]-*.html
(our own pages; Apache-2.0 like them). The trafilatura pages are third-party
(eval only): tests build their WARC from ../shared at test time.
"""
import gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data', 'html', 'trafilatura-eval')
DATE = '2025-11-25T08:00:00Z'


def record(kind, uri, content_type, block, n):
    head = ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n'
            'WARC-Date: %s\r\n' % (kind, n, DATE))
    if uri:
        head += 'WARC-Target-URI: %s\r\n' % uri
    head += 'Content-Type: %s\r\nContent-Length: %d\r\n\r\n' % (content_type, len(block))
    return gzip.compress(head.encode() + block + b'\r\n\r\n', mtime=0)


def response(body, content_type, extra=b''):
    return (b'HTTP/1.1 200 OK\r\nContent-Type: ' + content_type.encode() + b'\r\n' + extra +
            b'Content-Length: ' + str(len(body)).encode() + b'\r\n\r\n' + body)


def chunked(body):
    out = b''
    for i in range(0, len(body), 1000):
        part = body[i:i + 1000]
        out += b'%x\r\n' % len(part) + part + b'\r\n'
    return out + b'0\r\n\r\n'


def read(path):
    with open(path, 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b'\x1f\x8b' else data


def write(out, pages):
    """pages: [(uri, bytes)]"""
    n = 0
    with open(out, 'wb') as f:
        n += 1
        f.write(record('warcinfo', '', 'application/warc-fields', b'software: marsad make_warc.py\r\n', n))
        for i, (uri, page) in enumerate(pages):
            n += 1
            f.write(record('request', uri, 'application/http; msgtype=request',
                           b'GET / HTTP/1.1\r\nHost: example.org\r\n\r\n', n))
            ct = 'text/html; charset=windows-1256' if b'windows-1256' in page[:2048] else 'text/html'
            if i % 3 == 1:
                block = response(chunked(page), ct, b'Transfer-Encoding: chunked\r\n')
            elif i % 3 == 2:
                block = response(gzip.compress(page, mtime=0), ct, b'Content-Encoding: gzip\r\n')
            else:
                block = response(page, ct)
            n += 1
            f.write(record('response', uri, 'application/http; msgtype=response', block, n))
        n += 1
        f.write(record('response', 'https://example.org/missing', 'application/http; msgtype=response',
                       b'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>not here</p>', n))
        n += 1
        f.write(record('response', 'https://example.org/logo.png', 'application/http; msgtype=response',
                       response(b'\x89PNG\r\n\x1a\n....', 'image/png'), n))
        n += 1
        f.write(record('response', 'https://example.org/tags/', 'application/http; msgtype=response',
                       response(b'<!DOCTYPE html><html><head><title>Tags</title></head><body><nav><a href="/">Home</a>'
                                b'</nav></body></html>', 'text/html; charset=utf-8'), n))


def main(argv):
    if len(argv) >= 3 and argv[0] == '--shared':
        count, out = int(argv[1]), argv[2]
        if not os.path.isdir(SHARED):
            print('SKIP: %s absent' % os.path.normpath(SHARED))
            return 77
        with open(os.path.join(SHARED, 'html_manifest.json')) as f:
            manifest = json.load(f)
        pages = []
        for url, m in sorted(manifest.items()):
            path = os.path.join(SHARED, 'html', m['file'] + '.gz')
            if os.path.exists(path) and len(pages) < count:
                pages.append((url, read(path)))
        write(out, pages)
        return 0
    if len(argv) < 2:
        print(__doc__)
        return 2
    out, files = argv[0], argv[1:]
    write(out, [('https://www.jawharafm.net/ar/' + os.path.basename(p), read(p)) for p in files])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Writes the Arabic test pages of tests/data/html/ and their expectations.

Each page wraps a real article — from the ANT Jawhara FM corpus (Apache-2.0,
../shared/data/news/ant-v1.1-jawharafm-train.jsonl.gz) or the project's seed
article (samples/nadorcity-joint-military-plan-2026.txt) — in a layout that
Arabic outlets use: WordPress with widgets and comments, a JSON-LD portal, a
table layout in windows-1256, an ISO-8859-6 page, a page that declares the wrong
charset, <article> markup with a quote and a related list, a BOM page without a
lang attribute. Every page carries boilerplate that must not come out (menus, a
ticker, sidebar captions, «اقرأ أيضا» lines, share buttons, comments, cookie
banners, newsletter boxes, a footer) and a script that sets a cookie expiring
in 2031, which must never be read as the publication date. Each page also
writes its date as prose near the headline, the way its layout's outlets do
(«الأربعاء 1 فيفري 2017», «نشر في: 1 فيفري 2017 - 23:08», «1 شباط 2017»,
«تاريخ النشر: 01/02/2017»); the table layout has no other date, and the
JSON-LD layout's masthead shows "today" (a later date that must not be taken).

  python3 tests/data/html/make_pages.py     # rewrites pages/*.html and expected.jsonl

The boilerplate texts are written for this test set. Licence of the pages:
Apache-2.0 (the article texts' licence).
"""
import datetime, gzip, html, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
CORPUS = os.path.join(ROOT, '..', 'shared', 'data', 'news', 'ant-v1.1-jawharafm-train.jsonl.gz')
SEED = os.path.join(ROOT, 'samples', 'nadorcity-joint-military-plan-2026.txt')
SITE = 'جوهرة أف أم'

NAV = ['الرئيسية', 'أخبار وطنية', 'أخبار عالمية', 'رياضة', 'اقتصاد', 'ثقافة', 'منوعات', 'اتصل بنا']
TICKER = 'عاجل: انطلاق الدورة الجديدة لمهرجان قرطاج الدولي بمشاركة فرق من عشرين بلدا'
CAPTIONS = [
    'صورة أرشيفية: جانب من الاجتماع الذي جمع ممثلي النقابات والحكومة بقصر الحكومة بالقصبة، يوم الخميس الماضي، لبحث ملف الزيادة في الأجور وتحسين المقدرة الشرائية للموظفين',
    'المنتخب الوطني يواصل تحضيراته بالملعب الأولمبي برادس، استعدادا للمباراة الودية القادمة، وسط حضور جماهيري كبير وأجواء احتفالية',
    'ارتفاع أسعار الخضر والغلال في الأسواق البلدية، والمواطنون يشتكون من غلاء المعيشة، في انتظار تدخل وزارة التجارة',
]
RELATED = ['وزارة الصحة تعلن عن حملة تلقيح جديدة في المدارس', 'تقلبات جوية منتظرة خلال الأيام القادمة',
           'افتتاح معرض الكتاب بمشاركة مئات الناشرين العرب']
COOKIE = 'يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك، وبمواصلة التصفح فإنك توافق على سياسة الخصوصية.'
COMMENTS = ['مقال رائع، شكرا على هذه المعلومات القيمة، ننتظر منكم المزيد من المواضيع المفيدة في المستقبل القريب',
            'أتفق تماما مع ما جاء في هذا المقال، ولكن يجب على المسؤولين التحرك بسرعة قبل فوات الأوان']
NEWSLETTER = 'اشترك في النشرة البريدية ليصلك كل جديد'
FOOTER = 'جميع الحقوق محفوظة © 2017 إذاعة جوهرة أف أم'
SHARE = ['شارك على فيسبوك', 'شارك على تويتر', 'أرسل عبر واتساب']
SCRIPT = ('<script>var cookieExpiry = new Date("2031-12-31T23:59:59Z");\n'
          'document.cookie = "consent=1; expires=Wed, 31 Dec 2031 23:59:59 GMT; path=/";\n'
          'var pageData = {"published": "2031-12-31", "expires": "2031-12-31T23:59:59Z"};</script>')
EXPIRES = '<meta http-equiv="expires" content="Wed, 31 Dec 2031 23:59:59 GMT">'
ABSENT = [TICKER, CAPTIONS[0][:60], CAPTIONS[1][:60], RELATED[0], COOKIE[:40], COMMENTS[0][:50], COMMENTS[1][:50],
          NEWSLETTER, FOOTER, SHARE[0], 'أخبار عالمية']

e = html.escape

# Dates as Arabic outlets write them in bylines, in four regional month-name families.
MONTHS = {
    'eg': ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
    'tn': ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
    'lv': ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول',
           'تشرين الثاني', 'كانون الأول'],
    'ma': ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
}
WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']
# A masthead's "today" line: never the article's date.
TODAY = 'الأحد 29 نوفمبر 2026'


def prose_date(time, family, weekday=True, clock=False):
    d = datetime.date.fromisoformat(time[:10])
    out = f'{d.day} {MONTHS[family][d.month - 1]} {d.year}'
    if weekday:
        out = f'{WEEKDAYS[d.weekday()]} {out}'
    if clock and len(time) >= 16:
        out += f' - {time[11:16]}'
    return out


def paragraphs(text):
    return [re.sub(r'\s+', ' ', p).strip() for p in text.split('\n') if p.strip()]


def nav():
    return '<nav class="main-menu"><ul>' + ''.join(f'<li><a href="/ar/{i}">{e(n)}</a></li>' for i, n in enumerate(NAV)) + '</ul></nav>'


def sidebar(tag='aside', attrs='id="secondary" class="widget-area"'):
    items = ''.join(f'<li><a href="/ar/article/{i}"><img src="/img/{i}.jpg" alt=""></a><p class="caption">{e(c)}</p></li>'
                    for i, c in enumerate(CAPTIONS))
    return f'<{tag} {attrs}><h3 class="widget-title">الأكثر قراءة</h3><ul>{items}</ul></{tag}>'


def related_list(heading='اقرأ أيضا'):
    items = ''.join(f'<li><a href="/ar/article/9{i}">{e(t)}</a></li>' for i, t in enumerate(RELATED))
    return f'<h3>{heading}</h3><ul>{items}</ul>'


def comments(cls='comments-area', tag='div'):
    items = ''.join(f'<li class="comment"><div class="comment-author">زائر {i + 1}</div><p>{e(c)}</p></li>'
                    for i, c in enumerate(COMMENTS))
    return (f'<{tag} id="comments" class="{cls}"><h3>التعليقات (2)</h3><ol class="commentlist">{items}</ol>'
            f'<form id="commentform"><label>أضف تعليقك</label><textarea></textarea><button>إرسال</button></form></{tag}>')


def cookie_banner(ident='cookie-notice'):
    return f'<div id="{ident}" class="cookie-banner"><p>{e(COOKIE)}</p><button>موافق</button></div>'


def share():
    return '<div class="share-buttons">' + ''.join(f'<a href="#">{e(s)}</a>' for s in SHARE) + '</div>'


def footer():
    return f'<footer class="site-footer"><p>{e(FOOTER)}</p><ul><li><a href="/about">من نحن</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer>'


def newsletter():
    return f'<div class="newsletter-box"><h4>{e(NEWSLETTER)}</h4><input type="email"><button>اشترك</button></div>'


def ps(paras, read_also_at=None):
    out = []
    for i, p in enumerate(paras):
        out.append(f'<p>{e(p)}</p>')
        if read_also_at is not None and i == read_also_at:
            out.append(f'<p><strong>اقرأ أيضا:</strong> <a href="/ar/article/77">{e(RELATED[1])}</a></p>')
    return '\n'.join(out)


def layout_wp(a):
    t, p = a['title'], a['paras']
    page = f'''<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(t)} | {SITE}</title>
<meta property="og:title" content="{e(t)} - {SITE}"><meta property="og:site_name" content="{SITE}">
<meta property="og:type" content="article"><meta property="article:published_time" content="{a['time']}">
<link rel="canonical" href="{e(a['url'])}">{EXPIRES}{SCRIPT}</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/">{SITE}</a></div>{nav()}
<div class="breaking-news">{e(TICKER)}</div></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{e(t)}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="{a['time']}">{prose_date(a['time'], 'tn')}</time></div></header>
<div class="entry-content">
{ps(p, read_also_at=0 if len(p) > 2 else None)}
{share()}
</div></article>
<nav class="post-navigation"><a href="/prev">المقال السابق</a><a href="/next">المقال التالي</a></nav>
{comments()}
</main></div>{sidebar()}</div>
{cookie_banner()}{footer()}</body></html>'''
    return page, 'utf-8'


def layout_jsonld(a):
    t, p = a['title'], a['paras']
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t,
                     "datePublished": a['time'], "dateModified": a['time'],
                     "publisher": {"@type": "Organization", "name": SITE}}, ensure_ascii=False)
    page = f'''<!doctype html>
<html lang="ar"><head><meta charset="UTF-8"><title>{SITE} - {e(t)}</title>
<meta name="viewport" content="width=device-width">{EXPIRES}
<script type="application/ld+json">{ld}</script>{SCRIPT}</head>
<body><div class="top-bar"><span class="date">{TODAY}</span></div>{nav()}
<div class="ticker"><span>{e(TICKER)}</span></div>
<div class="container"><div class="row">
<div class="col-md-8"><div class="news-page"><h1 class="news-title">{e(t)}</h1>
<div class="news-info"><span>نشر في: {prose_date(a['time'], 'tn', weekday=False, clock=True)}</span></div>
<div class="article-body">{ps(p)}</div>
<div class="related-news">{related_list('أخبار ذات صلة')}</div>
{newsletter()}</div></div>
<div class="col-md-4">{sidebar('div', 'class="sidebar most-read"')}</div>
</div></div>{cookie_banner('cookie-consent')}{footer()}</body></html>'''
    return page, 'utf-8'


def layout_tables(a, charset):
    t, p = a['title'], a['paras']
    body = '<br><br>\n'.join(e(x) for x in p)
    menu = ''.join(f'<tr><td><a href="/ar/{i}">{e(n)}</a></td></tr>' for i, n in enumerate(NAV))
    most = ''.join(f'<tr><td><font size="2">{e(c)}</font></td></tr>' for c in CAPTIONS)
    decl = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset == 'windows-1256'
            else f'<meta charset="{charset}">')
    page = f'''<html dir="rtl"><head>{decl}
<title>{e(t)}</title>{EXPIRES}{SCRIPT}</head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2" class="banner"><font size="5">{SITE}</font>
<marquee>{e(TICKER)}</marquee></td></tr>
<tr><td width="25%" valign="top" class="menu"><table>{menu}</table>
<b>الأكثر قراءة</b><table>{most}</table></td>
<td width="75%" valign="top"><table><tr><td class="title"><font size="4" color="#003366"><b>{e(t)}</b></font></td></tr>
<tr><td><font size="2" color="#999999">{prose_date(a['time'], 'eg')}</font></td></tr>
<tr><td class="text"><font size="3">{body}</font></td></tr>
<tr><td><font size="2">{e(SHARE[0])} | {e(SHARE[1])}</font></td></tr></table></td></tr>
<tr><td colspan="2" align="center"><font size="1">{e(FOOTER)}</font></td></tr></table></body></html>'''
    return page, charset


def layout_plain_divs(a, charset='iso-8859-6'):
    t, p = a['title'], a['paras']
    figs = ''.join(f'<div class="item"><img src="/img/{i}.jpg"><span>{e(c)}</span></div>' for i, c in enumerate(CAPTIONS))
    page = f'''<!DOCTYPE html><html lang="ar"><head><meta charset="{charset}"><title>{e(t)} :: {SITE}</title>
{EXPIRES}{SCRIPT}</head><body>
<div id="top">{nav()}</div><div id="wrap"><div id="right">{figs}</div>
<div id="center"><h2 class="t">{e(t)}</h2><time datetime="{a['time']}">{prose_date(a['time'], 'lv', weekday=False)}</time>
<div id="x1">{ps(p)}</div>
<div id="x2"><b>كلمات مفتاحية:</b> <a href="/tag/1">تونس</a> <a href="/tag/2">أخبار</a></div></div></div>
<div id="bottom">{e(FOOTER)}</div>{cookie_banner('cookie-law-info-bar')}</body></html>'''
    return page, charset


def layout_wrong_charset(a):
    t, p = a['title'], a['paras']
    page = f'''<!DOCTYPE html><html lang="ar"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{e(t)} - {SITE}</title><meta property="og:title" content="{e(t)}">
<meta itemprop="datePublished" content="{a['time']}"><meta name="author" content="هيئة التحرير">{EXPIRES}{SCRIPT}</head>
<body>{nav()}<div class="main"><div class="news-content"><h1>{e(t)}</h1>
<div class="post-date">تاريخ النشر: {a['time'][8:10]}/{a['time'][5:7]}/{a['time'][:4]}</div>{share()}
{ps(p, read_also_at=1 if len(p) > 3 else None)}</div>
<div class="comments-section">{comments('comments-list', 'section')}</div></div>
{sidebar('div', 'class="left-side"')}{newsletter()}{footer()}</body></html>'''
    return page, 'utf-8'


def layout_article(a):
    t, p = a['title'], a['paras']
    quote_at = 1 if len(p) > 2 else None
    body = []
    for i, x in enumerate(p):
        body.append(f'<blockquote><p>{e(x)}</p></blockquote>' if i == quote_at else f'<p>{e(x)}</p>')
    page = f'''<!DOCTYPE html><html lang="ar-TN"><head><meta charset="utf-8"><title>{e(t)} « {SITE}</title>
<meta property="og:site_name" content="{SITE}"><meta property="og:url" content="{e(a['url'])}">{EXPIRES}{SCRIPT}</head>
<body><div class="page"><div class="header">{nav()}</div>
<article><header><h1>{e(t)}</h1><p class="byline">بقلم: هيئة التحرير</p>
<time pubdate datetime="{a['time']}">{prose_date(a['time'], 'ma')}</time></header>
{''.join(body)}
{related_list('مقالات ذات صلة')}
</article>{comments()}{sidebar()}</div>{cookie_banner()}{footer()}</body></html>'''
    return page, 'utf-8'


def layout_bom(a):
    t, p = a['title'], a['paras']
    body = '<br />\n'.join(e(x) for x in p)
    page = f'''\ufeff<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(t)}</title>
<meta name="date" content="{a['time'][:10]}">{EXPIRES}{SCRIPT}</head><body>
<div id="hdr">{nav()}</div><div class="wrapper"><div class="col-left"><div class="block">
<span class="meta">نشر بتاريخ {prose_date(a['time'], 'eg')}</span>
<h1>{e(t)}</h1><div class="text">{body}</div></div>
<ol class="commentlist">{''.join(f'<li><p>{e(c)}</p></li>' for c in COMMENTS)}</ol></div>
<div class="col-right">{sidebar('div', 'class="widget"')}</div></div>
<div class="cc-window">{e(COOKIE)}</div>{footer()}</body></html>'''
    return page, 'utf-8'


LAYOUTS = [('wp', layout_wp), ('jsonld', layout_jsonld), ('cp1256', lambda a: layout_tables(a, 'windows-1256')),
           ('iso88596', layout_plain_divs), ('wrongcharset', layout_wrong_charset), ('article', layout_article),
           ('bom', layout_bom)]


def expected_date(layout, time):
    if layout in ('cp1256', 'bom'):  # cp1256: no date metadata, only the prose line (and the 2031 cookie expiry)
        return time[:10]
    return time


def iso_time(t):
    """The corpus writes some times as DD/MM/YYYY; pages carry ISO 8601 in their metadata."""
    m = re.match(r'(\d\d)/(\d\d)/(\d{4})', t)
    return f'{m.group(3)}-{m.group(2)}-{m.group(1)}' if m else t


def pick_articles(n):
    rows = [json.loads(l) for l in gzip.open(CORPUS, 'rt', encoding='utf-8')]
    rows.sort(key=lambda r: r['docno'])
    eligible = []
    for r in rows:
        paras = paragraphs(r['text'])
        size = sum(len(x) for x in paras)
        if len(paras) < 2 or not 400 <= size <= 4000 or not r.get('time') or not r.get('title'):
            continue
        eligible.append({'id': r['docno'], 'title': re.sub(r'\s+', ' ', r['title']).strip(), 'paras': paras,
                         'time': iso_time(r['time']), 'url': r['url']})
    step = len(eligible) // n
    return eligible[::step][:n]


def main():
    pages = os.path.join(HERE, 'pages')
    os.makedirs(pages, exist_ok=True)
    expected = []
    for i, a in enumerate(pick_articles(30)):
        name, fn = LAYOUTS[i % len(LAYOUTS)]
        page, charset = fn(a)
        data = page.encode(charset, errors='replace')
        # What the page says after the charset round trip (ISO-8859-6 lacks « » and Latin letters).
        title = data.decode(charset).split('<title>')[1]
        dec = lambda s: s.encode(charset, errors='replace').decode(charset)
        file = f'{i + 1:02d}-{name}.html'
        open(os.path.join(pages, file), 'wb').write(data)
        expected.append({'file': file, 'layout': name, 'source': a['id'], 'url': a['url'],
                         'title': dec(a['title']), 'published': expected_date(name, a['time']), 'day': a['time'][:10],
                         'charset': 'utf-8' if name in ('wrongcharset', 'bom') else charset,
                         'language': 'ar', 'paragraphs': [dec(x) for x in a['paras']], 'absent': ABSENT})
    # The seed article as Nadorcity publishes it: byline line, repeated paragraphs, title last in the scrape.
    lines = [l.strip() for l in open(SEED, encoding='utf-8') if l.strip()]
    title, byline, paras = lines[-1], lines[0], lines[1:-1]
    seed = {'title': title, 'paras': paras, 'time': '2025-11-25T10:30:00+01:00',
            'url': 'https://www.nadorcity.com/المغرب-وإسرائيل-يوقعان-خطة-العمل-العسكري_a123456.html'}
    page = f'''<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{e(title)} - ناظورسيتي</title>
<meta property="og:title" content="{e(title)}"><meta property="og:site_name" content="ناظورسيتي">
<meta property="article:published_time" content="{seed['time']}"><link rel="canonical" href="{e(seed['url'])}">{EXPIRES}{SCRIPT}</head>
<body>{nav()}<div id="contenu"><div class="article"><h1 class="titre">{e(title)}</h1><span class="date">{prose_date(seed['time'], 'eg', clock=True)}</span><p class="source">{e(byline)}</p>
<div class="texte">{ps(paras)}</div>{share()}</div>{comments()}</div>{sidebar('div', 'id="colonne_droite"')}{footer()}</body></html>'''
    file = f'{len(expected) + 1:02d}-seed-nadorcity.html'
    open(os.path.join(pages, file), 'w', encoding='utf-8').write(page)
    expected.append({'file': file, 'layout': 'seed', 'source': 'seed', 'url': seed['url'], 'title': title,
                     'published': seed['time'], 'day': seed['time'][:10], 'charset': 'utf-8', 'language': 'ar', 'outlet': 'nadorcity',
                     'paragraphs': paras, 'absent': ABSENT})
    with open(os.path.join(HERE, 'expected.jsonl'), 'w', encoding='utf-8') as f:
        for x in expected:
            f.write(json.dumps(x, ensure_ascii=False) + '\n')
    print(f'{len(expected)} pages')


if __name__ == '__main__':
    main()

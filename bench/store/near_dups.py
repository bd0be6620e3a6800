#!/usr/bin/env python3
"""Synthetic near-duplicates of real SaudiNewsNet articles, for the story
benchmark. For N originals (bodies of at least 60 words whose content is not
repeated in the corpus), one variant each:
  - paragraphs reordered (sentences, when the body is a single paragraph),
  - a boilerplate paragraph added,
  - 10% of the words replaced by random words of the corpus,
  - the title rewritten (its words shuffled, half of them replaced),
published by an outlet of its own, a day later, under a new URL.

  near_dups.py CORPUS.jsonl.gz N OUT.jsonl TRUTH.tsv     # TRUTH: variant URL <TAB> original URL
"""
import collections
import gzip
import json
import random
import re
import sys

corpus, n, out_path, truth_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(2015)
docs = [json.loads(l) for l in gzip.open(corpus, "rt", encoding="utf-8")]
counts = collections.Counter(" ".join(d["content"].split()) for d in docs)
vocab = [w for d in rng.sample(docs, 2000) for w in d["content"].split() if re.fullmatch(r"[\u0600-\u06FF]{3,}", w)]
pool = [d for d in docs if len(d["content"].split()) >= 60 and counts[" ".join(d["content"].split())] == 1]
originals = rng.sample(pool, n)
boilerplate = [
    "تابعونا على تويتر وفيسبوك وإنستغرام للحصول على آخر الأخبار العاجلة لحظة بلحظة، وحمّلوا تطبيقنا على الهواتف الذكية.",
    "جميع الحقوق محفوظة للصحيفة، ولا يجوز نقل هذا الخبر أو نسخه أو إعادة نشره دون إذن مكتوب من إدارة التحرير.",
    "للاشتراك في النشرة الإخبارية اليومية أرسل كلمة اشتراك إلى الرقم المخصص، وتطبق الشروط والأحكام.",
    "اقرأ أيضاً: أبرز عناوين الصحف الصادرة صباح اليوم، وتغطية خاصة لأهم الأحداث المحلية والدولية.",
]


def reorder(text):
    paras = [p for p in re.split(r"\n+", text) if p.strip()]
    if len(paras) < 2:
        paras = [s for s in re.split(r"(?<=[.!؟])\s+", text) if s.strip()]
    rng.shuffle(paras)
    return paras


def change_words(para, share=0.10):
    words = para.split(" ")
    for i in range(len(words)):
        if words[i] and rng.random() < share:
            words[i] = rng.choice(vocab)
    return " ".join(words)


with open(out_path, "w", encoding="utf-8") as out, open(truth_path, "w", encoding="utf-8") as truth:
    for i, d in enumerate(originals):
        paras = [change_words(p) for p in reorder(d["content"])]
        paras.insert(rng.randrange(len(paras) + 1), rng.choice(boilerplate))
        title = d["title"].split()
        rng.shuffle(title)
        title = " ".join(rng.choice(vocab) if rng.random() < 0.5 else w for w in title) or rng.choice(vocab)
        day = d["date_extracted"][:10]
        v = {"source": "near-dup-press", "url": f"http://near-dup.example/{i}", "title": title,
             "date_extracted": d["date_extracted"], "content": "\n\n".join(paras)}
        out.write(json.dumps(v, ensure_ascii=False) + "\n")
        truth.write(f"{v['url']}\t{d['url']}\n")

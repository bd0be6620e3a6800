// One article: the original text with its spans coloured by kind, removed
// repeats struck through, and the structured record beside it. Also used by
// "analyze a text" for a record that was not stored.
import { get } from '../api.js';
import { el, slice, utf8 } from '../dom.js';
import { marks, segments } from '../spans.js';
import { t } from '../i18n.js';

const KINDS = ['date', 'entity', 'event', 'quote', 'removed'];

function legend() {
  return el('div', { class: 'legend' }, el('strong', {}, t('legend'), ': '),
    KINDS.map((k) => el('span', { class: `mark mark-${k}` }, t(k))));
}

export function annotatedText(text, record) {
  const bytes = utf8(text);
  const pre = el('div', { class: 'original', dir: 'auto' });
  for (const seg of segments(bytes.length, marks(record))) {
    const piece = slice(bytes, seg.start, seg.end);
    if (seg.kinds.size === 0) {
      pre.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = ['mark', ...[...seg.kinds].map((k) => `mark-${k}`)].join(' ');
    const dataset = {};
    for (const [k, v] of Object.entries(seg.data)) dataset[k] = v;
    pre.appendChild(el('span', { class: classes, title: seg.labels.join('\n'), dataset }, piece));
  }
  return pre;
}

function list(title, items, render) {
  if (!items || items.length === 0) return null;
  return el('details', { class: 'facet', open: true }, el('summary', {}, `${title} (${items.length})`),
    el('ul', {}, items.map((x) => el('li', {}, render(x)))));
}

export function recordPanel(record) {
  const actor = (a) => (a ? `${a.text || ''} ${a.actor ? `[${a.actor}]` : ''}` : '—');
  return el('aside', { class: 'record' },
    el('h3', {}, t('record')),
    list(t('entities'), record.entities, (e) => [el('span', { class: 'mark mark-entity' }, e.text), ` ${e.kind || ''} ${e.actor || e.id || ''}`]),
    list(t('events'), record.events, (e) => [el('code', {}, e.code), ' ', el('span', { class: 'mark mark-event' }, (e.trigger && e.trigger.text) || ''), ` ${actor(e.source)} → ${actor(e.target)} `, el('span', { class: `quad q${e.quad_class}` }, t(`q${e.quad_class || 0}`))]),
    list(t('dates'), record.dates, (d) => [el('span', { class: 'mark mark-date' }, d.text), ` ${d.value || ''}`]),
    list(t('quotes'), record.quotes, (q) => [el('span', { class: 'mark mark-quote' }, q.text), q.speaker ? ` — ${q.speaker.text}` : '']),
    el('details', { class: 'facet' }, el('summary', {}, 'JSON'), el('pre', { class: 'json', dir: 'ltr' }, JSON.stringify(record, null, 2))));
}

export function recordView(text, record, heading) {
  return el('div', { class: 'article' },
    heading,
    legend(),
    el('div', { class: 'article-body' },
      el('section', {}, el('h3', {}, t('original')), annotatedText(text, record)),
      recordPanel(record)));
}

export async function articleView(root, id) {
  const a = await get(`/api/articles/${encodeURIComponent(id)}`);
  const r = a.record || {};
  const heading = el('header', { class: 'article-head' },
    el('h2', { id: 'article-title', dir: 'auto' }, a.title || r.title || `#${a.id}`),
    el('div', { class: 'meta' },
      [a.source, a.published, a.url ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.url) : null]
        .filter(Boolean).map((x) => el('span', {}, x)),
      a.story ? el('a', { href: `#/story/${a.story}` }, `${t('story')} ${a.story}`) : null));
  root.appendChild(recordView(a.text || '', r, heading));
}

// Stories told by several outlets, and one story with its articles.
import { get } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

export async function storiesView(root) {
  const data = await get('/api/stories', { min_articles: 2, limit: 100 });
  root.appendChild(el('h2', {}, t('storiesTitle')));
  root.appendChild(el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, ['#', t('title'), t('articleCount'), t('outlets'), t('firstSeen')].map((h) => el('th', {}, h)))),
    el('tbody', {}, data.stories.map((s) => el('tr', {},
      el('td', {}, el('a', { href: `#/story/${s.id}` }, String(s.id))),
      el('td', {}, el('a', { href: `#/story/${s.id}` }, s.title || '—')),
      el('td', {}, String(s.articles)), el('td', {}, String(s.outlets)), el('td', {}, s.first_seen))))));
  if (data.stories.length === 0) root.appendChild(el('p', {}, t('none')));
}

export async function storyView(root, id) {
  const s = await get(`/api/stories/${encodeURIComponent(id)}`);
  root.appendChild(el('h2', {}, s.title || `${t('story')} ${s.id}`));
  root.appendChild(el('p', { class: 'meta' }, `${s.articles} ${t('articles')} · ${s.outlets} ${t('outlets')} · ${s.first_seen} → ${s.last_seen}`));
  const bySource = new Map();
  for (const m of s.members) {
    if (!bySource.has(m.source)) bySource.set(m.source, []);
    bySource.get(m.source).push(m);
  }
  const columns = el('div', { class: 'outlets' });
  for (const [source, members] of bySource) {
    columns.appendChild(el('section', { class: 'outlet' }, el('h3', {}, source || '—'),
      el('ul', {}, members.map((m) => el('li', {},
        el('a', { href: `#/article/${m.id}` }, m.title || `#${m.id}`), el('div', { class: 'muted' }, m.published))))));
  }
  root.appendChild(columns);
}

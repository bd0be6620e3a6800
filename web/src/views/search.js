// Search with highlighted snippets and filters; results link to the article.
import { get } from '../api.js';
import { clear, el, highlighted } from '../dom.js';
import { t } from '../i18n.js';

export async function searchView(root, params) {
  const field = (name, placeholder, type = 'text') =>
    el('input', { name, type, placeholder, value: params.get(name) || '', 'aria-label': placeholder });
  const q = field('q', t('query'), 'search');
  q.classList.add('q');
  const filters = ['source', 'since', 'until', 'actor'].map((n) => field(n, t(n), n === 'since' || n === 'until' ? 'date' : 'text'));
  const form = el('form', { class: 'search', role: 'search' }, q, filters, el('button', { type: 'submit' }, t('search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const input of form.querySelectorAll('input')) if (input.value) next.set(input.name, input.value);
    location.hash = `#/search?${next}`;
  });
  const results = el('div', { class: 'results', id: 'results' });
  root.append(form, results);
  q.focus();

  const offset = Number(params.get('offset') || 0);
  const query = { q: params.get('q') || '', limit: 20, offset };
  for (const n of ['source', 'since', 'until', 'actor']) query[n] = params.get(n) || '';
  results.appendChild(el('p', { class: 'muted' }, t('loading')));
  const data = await get('/api/search', query);
  clear(results);
  results.appendChild(el('p', { class: 'muted', id: 'total' }, `${data.total ?? data.hits.length} ${t('results')}`));
  if (data.hits.length === 0) results.appendChild(el('p', {}, t('none')));
  for (const h of data.hits) {
    results.appendChild(el('article', { class: 'hit' },
      el('h3', { dir: 'auto' }, el('a', { href: `#/article/${h.id}`, class: 'hit-title' }, h.title || `#${h.id}`)),
      el('div', { class: 'meta' }, el('span', {}, h.source), h.published ? el('span', {}, h.published) : null,
        h.story ? el('a', { href: `#/story/${h.story}` }, `${t('story')} ${h.story}`) : null),
      el('p', { class: 'snippet', dir: 'auto' }, highlighted(h.snippet, h.highlights))));
  }
  if (data.total > offset + data.hits.length) {
    const next = new URLSearchParams(params);
    next.set('offset', String(offset + data.hits.length));
    results.appendChild(el('a', { class: 'more', href: `#/search?${next}` }, t('more')));
  }
}

// The dashboard: a hash router over the views. Arabic first (RTL), English on request.
import { get } from './api.js';
import { clear, el } from './dom.js';
import { current, setLang, t } from './i18n.js';
import { analyzeView } from './views/analyze.js';
import { articleView } from './views/article.js';
import { dyadsView } from './views/dyads.js';
import { searchView } from './views/search.js';
import { storiesView, storyView } from './views/stories.js';
import { timelineView } from './views/timeline.js';

const routes = [
  [/^\/search$/, (root, m, p) => searchView(root, p)],
  [/^\/article\/(\d+)$/, (root, m) => articleView(root, m[1])],
  [/^\/stories$/, (root) => storiesView(root)],
  [/^\/story\/(\d+)$/, (root, m) => storyView(root, m[1])],
  [/^\/timeline$/, (root, m, p) => timelineView(root, p)],
  [/^\/dyads$/, (root, m, p) => dyadsView(root, p)],
  [/^\/analyze$/, (root) => analyzeView(root)],
];

async function render() {
  const hash = location.hash.replace(/^#/, '') || '/search';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const root = clear(document.getElementById('view'));
  document.body.dataset.view = path.split('/')[1] || 'search';
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === `#${path}`);
  const route = routes.find(([re]) => re.test(path));
  if (!route) {
    location.hash = '#/search';
    return;
  }
  root.dataset.state = 'loading';
  try {
    await route[1](root, path.match(route[0]), params);
    root.dataset.state = 'ready';
  } catch (e) {
    root.appendChild(el('p', { class: 'error' }, `${t('error')}: ${e.message}`));
    root.dataset.state = 'error';
  }
}

async function stats() {
  try {
    const s = await get('/api/stats');
    document.getElementById('stats').textContent = `${s.articles} ${t('articles')} · ${s.stories} ${t('nav.stories')} · ${s.events} ${t('events')}`;
  } catch (_) { /* the header line is optional */ }
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(current() === 'ar' ? 'en' : 'ar');
  render();
  stats();
});
window.addEventListener('hashchange', render);
setLang(current());
render();
stats();

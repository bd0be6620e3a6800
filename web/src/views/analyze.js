// "Analyze a text": paste an article, see its record (POST /api/analyze, nothing stored).
import { post } from '../api.js';
import { clear, el } from '../dom.js';
import { t } from '../i18n.js';
import { recordView } from './article.js';

export function analyzeView(root) {
  let token = '';
  try { token = sessionStorage.getItem('marsad.token') || ''; } catch (_) { /* storage off */ }
  const text = el('textarea', { id: 'analyze-text', rows: 12, placeholder: t('paste'), dir: 'auto' });
  const tok = el('input', { id: 'analyze-token', type: 'password', placeholder: t('token'), value: token, autocomplete: 'off' });
  const published = el('input', { id: 'analyze-published', type: 'date', 'aria-label': t('published') });
  const out = el('div', { id: 'analyze-out' });
  const form = el('form', { class: 'analyze' }, text, el('div', { class: 'row' }, tok, published, el('button', { type: 'submit' }, t('analyze'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try { sessionStorage.setItem('marsad.token', tok.value); } catch (_) { /* storage off */ }
    clear(out).appendChild(el('p', { class: 'muted' }, t('loading')));
    try {
      const body = text.value;
      const record = await post('/api/analyze', body, tok.value, published.value ? { published: published.value } : {});
      clear(out).appendChild(recordView(body, record, el('h2', {}, record.title || '')));
    } catch (e) {
      clear(out).appendChild(el('p', { class: 'error' }, `${t('error')}: ${e.message}`));
    }
  });
  root.append(form, out);
}

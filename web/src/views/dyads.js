// Countries (or actors) as a network: an edge per (source, target) pair,
// its width the number of event mentions, its colour the pair's main QuadClass.
import { get } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { chart, esc, QUAD_COLOURS } from '../charts.js';
import { filterForm } from './timeline.js';

export async function dyadsView(root, params) {
  const level = params.get('level') || 'country';
  const form = filterForm('dyads', params, [
    el('select', { name: 'level' }, [['country', 'country'], ['actor', 'actors']].map(([v, k]) => el('option', { value: v, selected: v === level }, t(k)))),
  ]);
  const legend = el('div', { class: 'legend' }, [1, 2, 3, 4].map((c) => el('span', { class: `quad q${c}` }, `${c} ${t(`q${c}`)}`)));
  const box = el('div', { class: 'chart', id: 'dyads-chart' });
  root.append(form, legend, box);
  const q = { level, limit: 300 };
  for (const n of ['actor', 'since', 'until']) q[n] = params.get(n) || '';
  const data = await get('/api/dyads', q);
  const weight = new Map();
  for (const d of data.dyads) {
    weight.set(d.source, (weight.get(d.source) || 0) + d.mentions);
    weight.set(d.target, (weight.get(d.target) || 0) + d.mentions);
  }
  const max = Math.max(1, ...data.dyads.map((d) => d.mentions));
  const nodes = [...weight].map(([name, w]) => ({ name, value: w, symbolSize: 12 + 30 * Math.sqrt(w / Math.max(...weight.values())), label: { show: true } }));
  const links = data.dyads.map((d) => ({
    source: d.source, target: d.target, value: d.mentions,
    lineStyle: { width: 1 + 7 * Math.sqrt(d.mentions / max), color: QUAD_COLOURS[d.quad_class] || '#999', opacity: 0.8, curveness: 0.15 },
    tip: `${esc(d.source)} → ${esc(d.target)}: ${esc(d.mentions)} ${esc(t('mentions'))}, ${esc(t(`q${d.quad_class}`))}, Goldstein ${esc(d.goldstein.toFixed(1))}`,
  }));
  const c = chart(box);
  c.setOption({
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? p.data.tip : `${esc(p.name)}: ${esc(p.value)} ${esc(t('mentions'))}`) },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, data: nodes, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      force: { repulsion: 260, edgeLength: [60, 180], gravity: 0.08 },
      emphasis: { focus: 'adjacency' },
      itemStyle: { color: '#37474f' }, label: { position: 'right' },
    }],
  });
  root.appendChild(el('p', { class: 'muted', id: 'dyads-summary' }, `${nodes.length} · ${links.length}`));
}

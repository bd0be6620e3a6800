// Events per day, stacked by QuadClass or CAMEO root, with the mean Goldstein score.
import { get } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { chart, esc, QUAD_COLOURS } from '../charts.js';

export async function timelineView(root, params) {
  const by = params.get('by') || 'quad';
  const form = filterForm('timeline', params, [
    el('select', { name: 'by' }, ['quad', 'root'].map((v) => el('option', { value: v, selected: v === by }, t(v)))),
  ]);
  const box = el('div', { class: 'chart', id: 'timeline-chart' });
  root.append(form, box);
  const q = { by, limit: 20000 };
  for (const n of ['actor', 'since', 'until', 'root']) q[n] = params.get(n) || '';
  const data = await get('/api/timeline', q);
  const days = [...new Set(data.points.map((p) => p.day))].sort();
  const keys = [...new Set(data.points.map((p) => p.key))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const series = keys.map((k) => {
    const values = new Array(days.length).fill(0);
    for (const p of data.points) if (p.key === k) values[index.get(p.day)] += p.mentions;
    return {
      name: by === 'quad' ? `${k} ${t(`q${k}`)}` : k, type: 'bar', stack: 'events', barMaxWidth: 24, barMinWidth: 4,
      data: values.map((v, i) => [days[i], v]),
      itemStyle: by === 'quad' ? { color: QUAD_COLOURS[k] || '#777' } : undefined,
    };
  });
  const gold = days.map((d) => {
    let n = 0, sum = 0;
    for (const p of data.points) if (p.day === d) { n += p.mentions; sum += p.goldstein * p.mentions; }
    return [d, n ? Number((sum / n).toFixed(2)) : null];
  });
  series.push({ name: t('goldstein'), type: 'line', yAxisIndex: 1, data: gold, connectNulls: true, symbolSize: 5, itemStyle: { color: '#6a1b9a' } });
  const c = chart(box);
  c.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => esc(v) },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 70 },
    // A time axis: the gaps between days with events are shown as gaps.
    xAxis: { type: 'time', inverse: document.documentElement.dir === 'rtl' },
    yAxis: [{ type: 'value', name: t('mentions'), position: 'left' }, { type: 'value', name: 'Goldstein', min: -10, max: 10, position: 'right' }],
    dataZoom: [{ type: 'slider', bottom: 10 }, { type: 'inside' }],
    series,
  });
  root.appendChild(el('p', { class: 'muted', id: 'timeline-summary' }, `${days.length} · ${data.points.reduce((a, p) => a + p.mentions, 0)} ${t('mentions')}`));
}

// The filters every event chart shares, kept in the hash so a view can be linked.
export function filterForm(view, params, extra) {
  const input = (name, type = 'text') => el('input', { name, type, placeholder: t(name), value: params.get(name) || '', 'aria-label': t(name) });
  const form = el('form', { class: 'filters' }, extra, input('actor'), input('since', 'date'), input('until', 'date'), el('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const f of form.querySelectorAll('input, select')) if (f.value) next.set(f.name, f.value);
    location.hash = `#/${view}?${next}`;
  });
  return form;
}

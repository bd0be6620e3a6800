// The record's spans over the original text, as flat segments: every byte
// range between two span boundaries with the kinds that cover it, so nested
// and overlapping spans (an entity inside a quote, a date inside a removed
// repeat) all show. Offsets are UTF-8 bytes (docs/schema.md).

// record → [{start, end, kind, label, data}]
export function marks(record) {
  const out = [];
  const add = (s, kind, label, data) => {
    if (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start) {
      out.push({ start: s.start, end: s.end, kind, label, data: data || {} });
    }
  };
  for (const d of record.dates || []) add(d, 'date', `${d.kind || ''} ${d.value || ''}`.trim(), { value: d.value || '' });
  for (const e of record.entities || []) {
    add(e, 'entity', [e.kind, e.id, e.actor].filter(Boolean).join(' · '), { actor: e.actor || '', entity: e.id || '' });
  }
  for (const ev of record.events || []) {
    const who = [ev.source && ev.source.actor, ev.target && ev.target.actor].filter(Boolean).join(' → ');
    add(ev.trigger, 'event', `CAMEO ${ev.code} ${ev.plover || ''} ${who}`.trim(), { code: ev.code || '', quad: String(ev.quad_class || '') });
  }
  for (const q of record.quotes || []) {
    add(q, 'quote', q.speaker ? `${q.speaker.text || ''} ${q.verb || ''}`.trim() : (q.verb || ''), {});
  }
  for (const r of record.removed || []) add(r, 'removed', `${r.reason} → ${r.duplicate_of}`, {});
  return out;
}

// [{start, end, kinds: Set, labels: [], data: {key: 'a b'}}] covering [0, length) in order.
export function segments(length, list) {
  const cuts = new Set([0, length]);
  for (const m of list) {
    if (m.start < length) cuts.add(m.start);
    cuts.add(Math.min(m.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; ++i) {
    const start = points[i], end = points[i + 1];
    const seg = { start, end, kinds: new Set(), labels: [], data: {} };
    for (const m of list) {
      if (m.start <= start && m.end >= end) {
        seg.kinds.add(m.kind);
        if (m.label) seg.labels.push(m.label);
        for (const [k, v] of Object.entries(m.data)) {
          if (v) seg.data[k] = seg.data[k] ? `${seg.data[k]} ${v}` : v;
        }
      }
    }
    out.push(seg);
  }
  return out;
}

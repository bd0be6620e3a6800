// The only way this page builds markup: elements, attributes and text nodes.
// Data is never parsed as HTML, so text from an article (<script>,
// "><img onerror=…>) stays text. tests/web checks that src/ keeps to this.

// el('a', {href: '#/x', class: 'c', dataset: {code: '057'}, onclick: fn}, 'text', child, [more])
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Byte ranges of UTF-8 text → string pieces, for offsets that count bytes (the API's).
const encoder = new TextEncoder();
const decoder = new TextDecoder();
export function utf8(text) { return encoder.encode(text); }
export function slice(bytes, start, end) { return decoder.decode(bytes.subarray(start, end)); }

// A snippet with its [start, end) byte ranges wrapped in <mark>.
export function highlighted(text, ranges) {
  const bytes = utf8(text);
  const out = [];
  let at = 0;
  for (const [b, e] of ranges || []) {
    if (b < at || e > bytes.length || e <= b) continue;
    out.push(slice(bytes, at, b), el('mark', {}, slice(bytes, b, e)));
    at = e;
  }
  out.push(slice(bytes, at, bytes.length));
  return out;
}

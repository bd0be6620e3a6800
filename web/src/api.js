// The JSON API (docs/api.md), with errors turned into exceptions that carry the server's message.
export async function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = q.toString() ? `${path}?${q}` : path;
  return answer(await fetch(url, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body, token, params = {}) {
  const q = new URLSearchParams(params);
  const res = await fetch(q.toString() ? `${path}?${q}` : path, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: `Bearer ${token}` },
    body,
  });
  return answer(res);
}

async function answer(res) {
  let data = null;
  try { data = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) throw new Error((data && data.error) || `HTTP ${res.status}`);
  return data;
}

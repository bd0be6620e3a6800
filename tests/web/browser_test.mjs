// The dashboard in a real browser: Debian's chromium, headless, driven by
// playwright-core (the npm packages the build installed for web/, in
// $MARSAD_NODE_MODULES, else web/node_modules). Ingests the seed, the bundled
// samples and a hostile article into a fresh store, starts `marsad serve`,
// then: searches المغرب, opens the seed article and checks that the MARMIL
// entity and the 057 event are highlighted, opens the timeline and the dyad
// graph, analyzes a pasted text, switches to English, and opens the hostile
// article to check that nothing in it runs. Screenshots go to
// $MARSAD_SCREENSHOTS. Exit 77 (skip) only when chromium or playwright-core
// is not installed, or the binary was built without the dashboard.
//
//   MARSAD_BIN=build/marsad MARSAD_SOURCE_DIR=. MARSAD_SCREENSHOTS=build/screenshots \
//     MARSAD_NODE_MODULES=build/apps/server/npm/node_modules node tests/web/browser_test.mjs
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SRC = process.env.MARSAD_SOURCE_DIR || '.';
const BIN = process.env.MARSAD_BIN || join(SRC, 'build/marsad');
const SHOTS = process.env.MARSAD_SCREENSHOTS || join(SRC, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const skip = (why) => { console.log(`SKIP: ${why}`); process.exit(77); };

if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is not installed (apt-get install chromium; scripts/bootstrap does)`);
let chromium;
try {
  const modules = resolve(process.env.MARSAD_NODE_MODULES || join(SRC, 'web/node_modules'));
  ({ chromium } = createRequire(join(modules, 'noop.js'))('playwright-core'));
} catch (_) {
  skip('playwright-core is not installed (the build runs npm ci for web/ when npm is there)');
}

const work = mkdtempSync(join(tmpdir(), 'marsad-browser-'));
const db = join(work, 't.db');
const hostile = join(work, 'hostile.jsonl');
writeFileSync(hostile, `${JSON.stringify({
  title: '<script>window.__xss=1</script> xssprobe "><img src=x onerror="window.__xss=4">',
  source: 'hespress', url: 'https://example.org/xss', published: '2025-11-20',
  text: 'خبر xssprobe عن المغرب\n\n"><img src=x onerror="window.__xss=2"> و <script>window.__xss=3</script> انتهى',
})}\n`);
execFileSync(BIN, ['ingest', '--db', db, '--published', '2025-11-25',
  join(SRC, 'samples/nadorcity-joint-military-plan-2026.txt'), join(SRC, 'samples/jawharafm-sample.jsonl'), hostile],
{ stdio: ['ignore', 'ignore', 'inherit'] });

const TOKEN = 'browser-test-token';
const server = spawn(BIN, ['serve', '--db', db, '--port', '0', '--port-file', join(work, 'port'), '--token', TOKEN],
  { stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (d) => { serverLog += d; });
let port = '';
for (let i = 0; i < 100 && !port; ++i) {
  await new Promise((r) => setTimeout(r, 100));
  if (existsSync(join(work, 'port'))) port = readFileSync(join(work, 'port'), 'utf8').trim();
}
const base = `http://127.0.0.1:${port}`;
let browser;
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

try {
  if (!port) throw new Error(`marsad serve did not start: ${serverLog}`);
  if (serverLog.includes('dashboard was not built')) skip('this marsad was built without the dashboard (no npm at build time)');
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ready = () => page.waitForSelector('#view[data-state="ready"], #view[data-state="error"]', { timeout: 20000 });

  // Search.
  await page.goto(`${base}/#/search?q=${encodeURIComponent('المغرب')}`);
  await ready();
  check(await page.evaluate(() => document.documentElement.dir) === 'rtl', 'the page is right-to-left');
  const hits = await page.locator('.hit').count();
  check(hits > 0, `search المغرب: ${hits} hits`);
  check(await page.locator('.snippet mark').count() > 0, 'snippets are highlighted');
  await page.screenshot({ path: join(SHOTS, 'search.png'), fullPage: false });

  // The seed article from the results.
  await page.locator('a.hit-title', { hasText: 'يوقعان خطة العمل العسكري' }).first().click();
  await page.waitForSelector('#article-title');
  await ready();
  check(await page.locator('.mark-entity[data-actor~="MARMIL"]').count() > 0, 'the MARMIL entity is highlighted');
  check(await page.locator('.mark-event[data-code~="057"]').count() > 0, 'the 057 event is highlighted');
  check(await page.locator('.mark-date').count() > 0, 'dates are highlighted');
  check(await page.locator('.mark-removed').count() > 0, 'removed repeats are struck through');
  const strike = await page.locator('.mark-removed').first().evaluate((n) => getComputedStyle(n).textDecorationLine);
  check(strike.includes('line-through'), `removed repeats are drawn line-through (${strike})`);
  await page.screenshot({ path: join(SHOTS, 'article.png'), fullPage: false });

  // Timeline and dyads.
  await page.goto(`${base}/#/timeline?by=quad`);
  await ready();
  check(await page.locator('#timeline-chart canvas').count() > 0, 'the timeline chart is drawn');
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SHOTS, 'timeline.png') });
  await page.goto(`${base}/#/dyads`);
  await ready();
  check(await page.locator('#dyads-chart canvas').count() > 0, 'the dyad graph is drawn');
  await page.waitForTimeout(2000);  // the force layout settles
  await page.screenshot({ path: join(SHOTS, 'dyads.png') });

  // Stories.
  await page.goto(`${base}/#/stories`);
  await ready();
  await page.screenshot({ path: join(SHOTS, 'stories.png') });

  // Analyze a pasted text.
  await page.goto(`${base}/#/analyze`);
  await ready();
  await page.fill('#analyze-text', readFileSync(join(SRC, 'samples/nadorcity-joint-military-plan-2026.txt'), 'utf8'));
  await page.fill('#analyze-token', TOKEN);
  await page.fill('#analyze-published', '2025-11-25');
  await page.click('form.analyze button');
  await page.waitForSelector('#analyze-out .mark-event, #analyze-out .error', { timeout: 30000 });
  check(await page.locator('#analyze-out .mark-event[data-code~="057"]').count() > 0, 'analyze: the 057 event is highlighted');
  await page.screenshot({ path: join(SHOTS, 'analyze.png') });

  // English.
  await page.click('#lang');
  await ready();
  check(await page.evaluate(() => document.documentElement.dir) === 'ltr', 'English switches to left-to-right');
  check((await page.locator('#nav a').first().textContent()) === 'Search', 'English labels');
  await page.click('#lang');

  // The hostile article: shown as text, nothing runs.
  const found = await (await fetch(`${base}/api/search?q=xssprobe`)).json();
  check(found.hits.length === 1, 'the hostile article is stored');
  await page.goto(`${base}/#/search?q=xssprobe`);
  await ready();
  await page.goto(`${base}/#/article/${found.hits[0].id}`);
  await ready();
  await page.waitForTimeout(500);
  const xss = await page.evaluate(() => window.__xss);
  check(xss === undefined, `no injected script ran (window.__xss = ${xss})`);
  check(await page.locator('#view img, #view script').count() === 0, 'no <img>/<script> element came from the article');
  const shown = await page.locator('.original').textContent();
  check(shown.includes('<script>window.__xss=3</script>') && shown.includes('onerror="window.__xss=2"'), 'the markup is shown as text');
  check(await page.locator('#article-title').textContent() === '<script>window.__xss=1</script> xssprobe "><img src=x onerror="window.__xss=4">', 'the title is shown as text');
  check(dialogs.length === 0, 'no dialog opened');
  await page.screenshot({ path: join(SHOTS, 'hostile.png') });
  check(errors.length === 0, `no script errors on the page ${errors.join('; ')}`);
} catch (e) {
  console.log(`FAIL ${e.stack || e}`);
  failures++;
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `${failures} failed` : `all passed; screenshots in ${SHOTS}`);
process.exit(failures ? 1 : 0);

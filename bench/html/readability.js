#!/usr/bin/env node
// Mozilla's readability (with jsdom) over the same pages as `marsad extract`,
// timed inside the process (parse + extract, not start-up or file reading).
//
//   node bench/html/readability.js [--text] PAGE.html[.gz]...
//
// Prints one JSON line: {"pages":N,"bytes":B,"seconds":wall,"cpu":user+sys,"failed":F}; with
// --text, also one JSON line per page {"file","text"} before it.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const args = process.argv.slice(2);
const withText = args[0] === '--text';
const files = withText ? args.slice(1) : args;
const pages = files.map((f) => {
  let b = fs.readFileSync(f);
  if (f.endsWith('.gz')) b = zlib.gunzipSync(b);
  return { file: f, bytes: b };
});
const quiet = new VirtualConsole();  // pages' CSS and script errors are not ours to print
let bytes = 0, failed = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const p of pages) {
  bytes += p.bytes.length;
  try {
    // jsdom decodes the bytes itself (BOM, <meta charset>), as a browser would.
    const dom = new JSDOM(p.bytes, { virtualConsole: quiet, contentType: 'text/html' });
    const article = new Readability(dom.window.document).parse();
    if (!article) failed++;
    if (withText) process.stdout.write(JSON.stringify({ file: p.file, text: article ? article.textContent : '' }) + '\n');
    dom.window.close();
  } catch (e) {
    failed++;
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
process.stdout.write(JSON.stringify({ pages: pages.length, bytes, seconds, cpu, failed }) + '\n');

// node build.mjs OUTDIR [NODE_MODULES] — bundles the dashboard into
// OUTDIR/index.html, app.js and app.css with esbuild. Everything comes from
// web/src and the npm packages of package-lock.json: the page loads nothing
// from another host. The build (apps/server/web_build.cmake) installs the
// packages in the build folder and passes their node_modules; by hand,
// `npm ci && npm run build` uses web/node_modules.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || 'dist');
const modules = resolve(process.argv[3] || join(here, 'node_modules'));
const { build } = createRequire(join(modules, 'noop.js'))('esbuild');

mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, logLevel: 'warning', nodePaths: [modules], absWorkingDir: here };
await build({
  ...common,
  entryPoints: ['src/main.js'],
  format: 'iife',
  target: ['es2020'],
  outfile: join(out, 'app.js'),
  legalComments: 'eof',
});
await build({ ...common, entryPoints: ['src/app.css'], outfile: join(out, 'app.css') });
copyFileSync(join(here, 'src/index.html'), join(out, 'index.html'));

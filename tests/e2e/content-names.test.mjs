// The built site's files are named by their final bytes (README, "Deploys"; issue 22e): a name
// that stays while its bytes change lets a browser's or a CDN's cached copy of the old bytes meet
// a new index.html whose `integrity` names the new ones, and the page never starts. Trunk named
// the page's WebAssembly and glue by a hash taken before wasm-opt ran; scripts/page-names.mjs
// (and worker-names.mjs for the worker) name them by scripts/content-hash.mjs. No browser: these
// read dist/ (build it first: bash scripts/build.sh) and run the hook on a made-up build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { contentHash, HASHED_NAME, integrity } from '../../scripts/content-hash.mjs';
import { BASE, DIST } from './server.mjs';

// The files that keep their address from build to build: the pages, and embed.js, which other
// sites load by its address (README: served no-cache).
const UNHASHED = new Set(['index.html', '404.html', 'embed.js', 'embed-demo.html']);
const PAGES = ['index.html', '404.html'];

const built = () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: build the site first (bash scripts/build.sh)');
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(DIST.length));
};
const read = (name, dir = DIST) => readFileSync(join(dir, name));

/** The tags of `html` that carry an integrity attribute: [tag, file name, integrity]. */
const integrities = (html) =>
  [...html.matchAll(/<(?:link|script)\b[^>]*\bintegrity="([^"]*)"[^>]*>/gi)].map(([tag, value]) => [
    tag,
    /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1].split('/').pop(),
    value,
  ]);

test('every file of the build but the pages and embed.js is named by a hash of its own bytes (README, Deploys)', () => {
  const wrong = [];
  for (const name of built()) {
    if (UNHASHED.has(name)) continue;
    const hash = HASHED_NAME.exec(name)?.groups.hash;
    const content = contentHash(read(name));
    if (hash !== content) wrong.push(`${name}: its bytes hash to ${content}`);
  }
  assert.deepEqual(wrong, [], 'files whose name does not follow from their bytes (named before wasm-opt?)');
  // The page's module and the worker's, each a WebAssembly file and its JS.
  const names = built();
  for (const pattern of [/^daemonset-playground-[0-9a-f]{16}_bg\.wasm$/, /^daemonset-playground-[0-9a-f]{16}\.js$/, /^worker-[0-9a-f]{16}_bg\.wasm$/, /^worker_loader-[0-9a-f]{16}\.js$/]) {
    assert.equal(names.filter((n) => pattern.test(n)).length, 1, `one file like ${pattern}: ${names.join(' ')}`);
  }
});

test('every integrity attribute of the pages is the digest of the file it names (README, Deploys)', () => {
  for (const page of PAGES) {
    const html = read(page).toString('utf8');
    const tags = integrities(html);
    // Trunk's preload of the WebAssembly and modulepreload of its glue, and the CSS.
    assert.ok(tags.some(([, name]) => name?.endsWith('_bg.wasm')), `${page}: no integrity for the WebAssembly`);
    assert.ok(tags.some(([, name]) => /^daemonset-playground-.*\.js$/.test(name ?? '')), `${page}: no integrity for the glue`);
    for (const [tag, name, value] of tags) {
      assert.ok(name && existsSync(join(DIST, name)), `${page}: ${tag} names no file of the build`);
      assert.equal(value, integrity(read(name), value), `${page}: ${tag}`);
    }
  }
});

test('every file the page and its glue name is in the build, the glue\'s WebAssembly the one preloaded', () => {
  const html = read('index.html').toString('utf8');
  // Addresses under the site's path, in attributes or the loader script's strings.
  const named = [...html.matchAll(new RegExp(`["']${BASE}([^"'/]+)["']`, 'g'))].map(([, name]) => name);
  const worker = /<meta name="dsplay-model" content="([^"]*)"/.exec(html)?.[1];
  for (const name of [...named, worker]) assert.ok(name && existsSync(join(DIST, name)), `index.html names ${name}, not in dist/`);
  const wasm = named.find((n) => n.endsWith('_bg.wasm'));
  const glue = named.find((n) => n.startsWith('daemonset-playground-') && n.endsWith('.js'));
  assert.ok(wasm && glue, `index.html names the page's module: ${named.join(' ')}`);
  // wasm-bindgen's default address of its module, when init() is given none.
  const defaults = [...read(glue).toString('utf8').matchAll(/new URL\('([^']*_bg\.wasm)', import\.meta\.url\)/g)].map(([, n]) => n);
  assert.deepEqual(defaults, [wasm]);
  // The worker's loader fetches its own WebAssembly.
  const workerWasm = /fetch\("\.\/([^"]*)"\)/.exec(read(worker).toString('utf8'))?.[1];
  assert.ok(workerWasm && existsSync(join(DIST, workerWasm)), `the worker's loader fetches ${workerWasm}`);
});

// scripts/page-names.mjs on a made-up staging directory shaped like Trunk's: two builds of the
// same code whose WebAssembly differs only as wasm-opt's flags make it (Trunk's names equal).
const HOOK = fileURLToPath(new URL('../../scripts/page-names.mjs', import.meta.url));
const trunkBuild = (wasmBytes) => {
  const dir = mkdtempSync(join(tmpdir(), 'dsplay-page-names-'));
  const wasm = 'daemonset-playground-9f3a1c_bg.wasm';
  const js = 'daemonset-playground-9f3a1c.js';
  writeFileSync(join(dir, wasm), wasmBytes);
  // wasm-bindgen's glue names its module by the name it wrote it under, before Trunk's.
  writeFileSync(join(dir, js), `export default function init() { return new URL('daemonset-playground_bg.wasm', import.meta.url); }\n`);
  writeFileSync(join(dir, 'main-1f2e.css'), 'body { color: black; }\n');
  writeFileSync(join(dir, 'embed-demo.html'), '<p>not Trunk\'s</p>\n');
  const sri = (name, as) => `<link rel="${as ? 'preload' : 'modulepreload'}" href="/daemonset-playground/${name}" crossorigin="anonymous" integrity="${integrity(readFileSync(join(dir, name)))}"${as ? ' as="fetch" type="application/wasm"' : ''}>`;
  writeFileSync(
    join(dir, 'index.html'),
    `<html><head><link rel="stylesheet" href="/daemonset-playground/main-1f2e.css" integrity="${integrity(readFileSync(join(dir, 'main-1f2e.css')))}"/>${sri(js)}${sri(wasm, true)}</head><body>
<script type="module">
import init from '/daemonset-playground/${js}';
const wasm = await init({ module_or_path: '/daemonset-playground/${wasm}' });
</script></body></html>`,
  );
  execFileSync(process.execPath, [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
  const files = readdirSync(dir).sort();
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const result = { files, html, dir };
  return result;
};

test('page-names.mjs: a module changed by wasm-opt alone gets new names for its WebAssembly and glue, and the page follows', (t) => {
  const a = trunkBuild(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1]));
  const b = trunkBuild(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 2]));
  t.after(() => [a, b].forEach(({ dir }) => rmSync(dir, { recursive: true, force: true })));
  const named = ({ files }, pattern) => files.find((f) => pattern.test(f));
  for (const build of [a, b]) {
    for (const file of build.files.filter((f) => f !== 'index.html' && f !== 'embed-demo.html')) {
      assert.equal(HASHED_NAME.exec(file)?.groups.hash, contentHash(read(file, build.dir)), file);
    }
    assert.ok(build.files.includes('embed-demo.html'), 'a file index.html does not name keeps its name');
    assert.doesNotMatch(build.html, /9f3a1c|1f2e\.css/, 'no old name is left in the page');
    for (const [tag, name, value] of integrities(build.html)) assert.equal(value, integrity(read(name, build.dir), value), tag);
    const wasm = named(build, /_bg\.wasm$/);
    assert.match(read(named(build, /^daemonset-playground-.*\.js$/), build.dir).toString(), new RegExp(`new URL\\('${wasm}'`));
    assert.ok(build.html.includes(`module_or_path: '/daemonset-playground/${wasm}'`));
  }
  assert.notEqual(named(a, /_bg\.wasm$/), named(b, /_bg\.wasm$/));
  assert.notEqual(named(a, /\.js$/), named(b, /\.js$/));
  assert.equal(named(a, /\.css$/), named(b, /\.css$/), 'the CSS, unchanged, keeps its name');
});

// Trunk post-build hook (before csp.mjs): gives the model's worker files names that carry a hash
// of their content, as Trunk does for the page's own files but not for a worker's.
//
// Without it a page could pair with another build's worker: GitHub Pages lets browsers keep a file
// for 10 minutes, so after a deploy a new page may start a cached old worker.js/worker_bg.wasm (or
// an old page a new one), and their messages no longer read. With hashed names a page only ever
// asks for the worker it was built with.
//
// worker.js, worker_bg.wasm and worker_loader.js become worker-HASH.js, worker-HASH_bg.wasm and
// worker_loader-HASH.js (the loader rewritten to load the first two), and index.html's
// <meta name="dsplay-model"> names the loader: index.html's script and src/components/model.rs
// start the worker from it.
//
// The rewritten loader asks for the WebAssembly before it loads the glue (importScripts waits
// for its file): Trunk's loads the glue and then the WebAssembly, one request after the other.
// wasm_bindgen takes the response on its way and compiles it as it streams in, as before.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('worker-names.mjs: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const at = (name) => join(staging, name);
const fail = (message) => {
  console.error(`worker-names.mjs: ${message}`);
  process.exit(1);
};

const LOADER = 'worker_loader.js';
const META = `<meta name="dsplay-model" content="${LOADER}" />`;

const html = readFileSync(at('index.html'), 'utf8');
if (!html.includes(META)) fail(`index.html has no ${META}`);
const loader = readFileSync(at(LOADER), 'utf8');
for (const name of ['./worker.js', './worker_bg.wasm']) {
  if (!loader.includes(`"${name}"`)) fail(`${LOADER} does not load ${name}: ${loader}`);
}

// The loader only names the other two, so their content decides the version.
const hash = createHash('sha256')
  .update(readFileSync(at('worker.js')))
  .update(readFileSync(at('worker_bg.wasm')))
  .digest('hex')
  .slice(0, 16);
const js = `worker-${hash}.js`;
const wasm = `worker-${hash}_bg.wasm`;
const hashedLoader = `worker_loader-${hash}.js`;

renameSync(at('worker.js'), at(js));
renameSync(at('worker_bg.wasm'), at(wasm));
const TRUNK_LOADER = 'importScripts("./worker.js");wasm_bindgen("./worker_bg.wasm");';
if (loader.trim() !== TRUNK_LOADER) fail(`${LOADER} is not the one this script rewrites: ${loader}`);
writeFileSync(
  at(hashedLoader),
  `var dsplayWasm = fetch("./${wasm}");importScripts("./${js}");wasm_bindgen({ module_or_path: dsplayWasm });`,
);
rmSync(at(LOADER));
writeFileSync(at('index.html'), html.replace(META, META.replace(LOADER, hashedLoader)));
console.log(`worker-names.mjs: the model's worker is ${hashedLoader}`);

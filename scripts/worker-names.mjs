// Trunk post-build hook (before csp.mjs): gives the model's worker files names that carry a hash
// of their content, as Trunk does for the page's own files but not for a worker's.
//
// Without it a page could pair with another build's worker: GitHub Pages lets browsers keep a file
// for 10 minutes, so after a deploy a new page may start a cached old worker.js/worker_bg.wasm (or
// an old page a new one), and their messages no longer read. With hashed names a page only ever
// asks for the worker it was built with.
//
// worker.js, worker_bg.wasm and worker_loader.js become worker_loader-HASH.js (the glue inside)
// and worker-HASH_bg.wasm, each HASH that of the file's own bytes (scripts/content-hash.mjs; the
// loader's bytes name the WebAssembly, so its name changes with either), and index.html's
// <meta name="dsplay-model"> names the loader: index.html's script and src/components/model.rs
// start the worker from it. scripts/page-names.mjs, run next, names the page's files alike.
//
// The rewritten loader asks for the WebAssembly first, then runs the glue it carries:
// Trunk's loads the glue with importScripts, a second request the worker waits for before it
// can start (80–160 ms under this machine's load, issue 22f). wasm_bindgen takes the response
// on its way and compiles it as it streams in, as before.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from './content-hash.mjs';

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

const glue = readFileSync(at('worker.js'), 'utf8').replace(/\n+$/, '');
const wasm = `worker-${contentHash(readFileSync(at('worker_bg.wasm')))}_bg.wasm`;

renameSync(at('worker_bg.wasm'), at(wasm));
const TRUNK_LOADER = 'importScripts("./worker.js");wasm_bindgen("./worker_bg.wasm");';
if (loader.trim() !== TRUNK_LOADER) fail(`${LOADER} is not the one this script rewrites: ${loader}`);
// The WebAssembly asked for on the first line, the glue, its start on the last line.
const loaderText = `var dsplayWasm = fetch("./${wasm}");\n${glue}\nwasm_bindgen({ module_or_path: dsplayWasm });\n`;
const hashedLoader = `worker_loader-${contentHash(loaderText)}.js`;
writeFileSync(at(hashedLoader), loaderText);
rmSync(at('worker.js'));
rmSync(at(LOADER));
writeFileSync(at('index.html'), html.replace(META, META.replace(LOADER, hashedLoader)));
console.log(`worker-names.mjs: the model's worker is ${hashedLoader}`);

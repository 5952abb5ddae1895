// Trunk post-build hook (after worker-names.mjs, before csp.mjs): names the page's own files by a
// hash of their final bytes (scripts/content-hash.mjs), as worker-names.mjs does for the worker.
//
// Trunk (filehash = true) names the page's WebAssembly and its JS glue
// (daemonset-playground-HASH_bg.wasm, .js) by a hash of the module cargo built, taken BEFORE
// wasm-bindgen and wasm-opt run. A deploy that changes only wasm-opt's flags (or binaryen's
// version) kept the names with new bytes: a browser or CDN holding the old file (GitHub Pages lets
// it for 10 minutes; the README's advice for other servers, a year) served the old bytes under a
// name whose `integrity` in the new index.html names the new ones, the check failed and the page
// never started. Its CSS and icon are named from their final bytes already (seahash), but renamed
// too, so that every hashed name of the site follows one rule that one test checks
// (tests/e2e/content-names.test.mjs).
//
// Every file of the staging directory that index.html names with Trunk's NAME-HASH pattern is
// renamed NAME-CONTENTHASH: first the files that name no other (the WebAssembly, the icon), their
// new names written into the JS, CSS and index.html that name them (the glue's default address of
// its WebAssembly, the preload links, the loader script), then the JS and CSS by their rewritten
// bytes. Last, every `integrity` attribute of index.html is computed again from the file it names
// (the glue's bytes changed). csp.mjs then hashes the inline scripts, which now carry the new names.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, HASHED_NAME, integrity } from './content-hash.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('page-names.mjs: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const at = (name) => join(staging, name);
const fail = (message) => {
  console.error(`page-names.mjs: ${message}`);
  process.exit(1);
};

// Trunk's hash is a u64 in hex without leading zeros: 1 to 16 digits.
const TRUNK_NAME = /^(?<stem>.+)-(?<hash>[0-9a-f]{1,16})(?<ext>_bg\.wasm|\.[A-Za-z0-9]+)$/;
const TEXT = /\.(js|mjs|css)$/;

let html = readFileSync(at('index.html'), 'utf8');
const files = readdirSync(staging, { withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => entry.name);
// Only what index.html names (a file merely matching the pattern, e.g. "embed-demo.html", is not
// Trunk's), and not what is named by its content already (the worker's loader).
const hashed = files.filter(
  (name) =>
    TRUNK_NAME.test(name) &&
    html.includes(name) &&
    !(HASHED_NAME.test(name) && HASHED_NAME.exec(name).groups.hash === contentHash(readFileSync(at(name)))),
);
if (!hashed.some((name) => name.endsWith('_bg.wasm'))) fail(`index.html names no hashed WebAssembly: ${files.join(' ')}`);

const texts = files.filter((name) => TEXT.test(name));
const renamed = new Map();
const rename = (name) => {
  const { stem, ext } = TRUNK_NAME.exec(name).groups;
  const to = `${stem}-${contentHash(readFileSync(at(name)))}${ext}`;
  renameSync(at(name), at(to));
  renamed.set(name, to);
  // Every other text file and index.html name it by its new name. wasm-bindgen's glue names its
  // module as wasm-bindgen wrote it, before Trunk's renaming ('daemonset-playground_bg.wasm', a
  // file that is not in the build), for when init() is given no address: that too.
  const unhashed = ext === '_bg.wasm' ? `'${stem}${ext}'` : null;
  for (const text of texts.map((t) => renamed.get(t) ?? t).filter((t) => t !== to)) {
    const before = readFileSync(at(text), 'utf8');
    let after = before.replaceAll(name, to);
    if (unhashed) after = after.replaceAll(unhashed, `'${to}'`);
    if (after !== before) writeFileSync(at(text), after);
  }
  html = html.replaceAll(name, to);
};
// The files that name no other first, so that the text files are hashed with the new names in them.
for (const name of hashed.filter((n) => !TEXT.test(n))) rename(name);
for (const name of hashed.filter((n) => TEXT.test(n))) rename(name);

// No old name may be left anywhere, and no renamed file may have changed after it was hashed (a
// text file that names another text file would need its turn after it; none does today).
for (const text of [...texts.map((t) => renamed.get(t) ?? t), 'index.html']) {
  const body = text === 'index.html' ? html : readFileSync(at(text), 'utf8');
  for (const old of renamed.keys()) {
    if (body.includes(old)) fail(`${text} still names ${old}`);
  }
}
for (const to of renamed.values()) {
  if (HASHED_NAME.exec(to).groups.hash !== contentHash(readFileSync(at(to)))) fail(`${to} changed after it was named`);
}

// Integrity attributes, again from the files (the glue now names its renamed WebAssembly).
let integrities = 0;
html = html.replace(/<(link|script)\b[^>]*>/gi, (tag) => {
  const value = /\bintegrity="([^"]*)"/.exec(tag)?.[1];
  if (!value) return tag;
  const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
  const name = url?.split('/').pop();
  if (!name || !existsSync(at(name))) {
    fail(`an integrity attribute names no file of the build: ${tag}`);
  }
  integrities += 1;
  return tag.replace(`integrity="${value}"`, `integrity="${integrity(readFileSync(at(name)), value)}"`);
});
writeFileSync(at('index.html'), html);
console.log(
  `page-names.mjs: named by their content (Trunk's name -> ours): ${[...renamed].map(([from, to]) => `${from} -> ${to}`).join(', ')}; ${integrities} integrity attribute(s) computed again`,
);

// Trunk post-build hook: completes the Content-Security-Policy meta tag of the built index.html.
//
// Trunk injects inline <script type="module"> loaders whose text changes with every build (the
// file names carry content hashes), so the policy cannot be written by hand. This replaces the
// placeholder in index.html with the sha256 of each inline script. Under `trunk serve` the
// live-reload script is rewritten per request, so there the policy allows inline scripts instead.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = '__INLINE_SCRIPT_HASHES__';
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const file = join(staging, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp.mjs: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}

// Inline scripts are <script> elements without a src attribute; the browser hashes their text
// exactly as written between the tags.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
  .map(([, , text]) => text);

const rewrittenWhenServed = inline.some((text) => text.includes('{{__TRUNK_'));
const sources = rewrittenWhenServed
  ? ["'unsafe-inline'"]
  : inline.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);

writeFileSync(file, html.replaceAll(PLACEHOLDER, sources.join(' ')));
console.log(`csp.mjs: script-src allows ${rewrittenWhenServed ? "'unsafe-inline' (trunk serve)" : `${sources.length} inline script hash(es)`}`);

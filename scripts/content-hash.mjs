// The content hash in the names of the site's files (scripts/worker-names.mjs and
// scripts/page-names.mjs give the names; tests/e2e/content-names.test.mjs checks them):
// the first 16 hex digits of the SHA-256 of the file's bytes, exactly as they are deployed.
//
// A name that follows from the deployed bytes changes with every change of them, whatever made
// it (the code, wasm-opt's flags, binaryen's or wasm-bindgen's version), so a browser or CDN that
// keeps a file under its name can never hold other bytes under it.
import { createHash } from 'node:crypto';

/** The hash of `bytes` (a Buffer or a string, taken as UTF-8) that names them. */
export const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** A name carrying a content hash: NAME-HASH.EXT, or NAME-HASH_bg.wasm for wasm-bindgen's module. */
export const HASHED_NAME = /^(?<stem>.+)-(?<hash>[0-9a-f]{16})(?<ext>_bg\.wasm|\.[A-Za-z0-9]+)$/;

/** The value of an `integrity` attribute for `bytes`, with the algorithm of `like` (sha384-…). */
export const integrity = (bytes, like = 'sha384-') => {
  const algorithm = /^(sha256|sha384|sha512)-/.exec(like)?.[1];
  if (!algorithm) throw new Error(`not an integrity value: ${like}`);
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
};

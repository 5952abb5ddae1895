// Shared set-up of the browser tests: the static server, headless Chromium from the system
// (never a downloaded browser), pages that record what the tests assert on, and screenshots.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DIST, startServer } from './server.mjs';

// Debian's, unless $CHROMIUM names another (a CI runner's Chrome).
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

// Quiet and self-contained: no sandbox (CI runs as root), no GPU, no calls home.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the server and the browser; `stop()` ends both. */
export async function start() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: build the site first (make build)');
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    server,
    /** For tests that need several tabs of one browser (browser.newContext()). */
    browser,
    /** A new page recording console errors, uncaught exceptions and every request URL, in a
     *  fresh browser context (`locale`: its languages, as navigator.languages gives them). */
    async open({ colorScheme = 'light', locale = 'en-US', viewport = { width: 1024, height: 640 } } = {}) {
      const page = await browser.newPage({ viewport, colorScheme, locale });
      const log = { errors: [], requests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') {
          log.errors.push(`${message.text()} [${message.location().url}]`);
        }
      });
      page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
      page.on('request', (request) => log.requests.push(request.url()));
      return { page, log };
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a screenshot of the whole page as tests/e2e/screenshots/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The request URLs that are not on `origin`. */
export function foreign(requests, origin) {
  return requests.filter((url) => new URL(url).origin !== origin);
}

// Locators and actions the page tests share.

/** The list of nodes (cards, or cells in the dense view). */
export const nodesList = (page) => page.getByRole('list', { name: 'Nodes', exact: true });
export const consoleBox = (page) => page.getByRole('textbox', { name: 'Console', exact: true });

/** A NodeList of `count` nodes (numbered from 1): each item's head, then `metadata(i)`, its
 *  metadata's lines (`    name: …` and whatever follows, indented as written). */
export function nodeList(count, metadata) {
  const items = [];
  for (let i = 1; i <= count; i++) {
    items.push(`- apiVersion: v1\n  kind: Node\n  metadata:\n${metadata(i)}`);
  }
  return `apiVersion: v1\nkind: NodeList\nitems:\n${items.join('\n')}\n`;
}

/** Sets the manifest editor's text as a paste does: the text at once, one input event
 *  (Playwright's fill types it through insertText, which takes Chromium itself seconds per
 *  hundred lines, even in a bare textarea). */
export async function pasteManifest(page, yaml) {
  await page.getByRole('textbox', { name: 'Manifest', exact: true }).evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, yaml);
}

/** Runs a console line and returns what it printed. */
export async function runInConsole(page, line) {
  // The transcript keeps its last 500 entries (TRANSCRIPT_LIMIT): once full, a new entry shows
  // as the oldest one gone rather than as one more.
  const ends = () => {
    const entries = document.querySelectorAll('.terminal .entry');
    return [entries.length, entries[0]?.innerText ?? '', entries[entries.length - 1]?.innerText ?? ''];
  };
  const before = await page.evaluate(ends);
  await consoleBox(page).fill(line);
  await consoleBox(page).press('Enter');
  await page.waitForFunction((b) => {
    const entries = document.querySelectorAll('.terminal .entry');
    const first = entries[0]?.innerText ?? '';
    const last = entries[entries.length - 1]?.innerText ?? '';
    return entries.length > b[0] || first !== b[1] || last !== b[2];
  }, before);
  return outputText(page.locator('.terminal .entry .output').last());
}

/** The text a command printed, as a copy of it gives: a long output's blocks (console.rs) that
 *  the browser has not laid out yet are no rendered text, so `innerText` would leave them out;
 *  each block but the last ends without its line break, which the block's end gives. */
export function outputText(output) {
  return output.evaluate((el) => {
    const blocks = el.querySelectorAll(':scope > .block');
    return blocks.length > 0 ? Array.from(blocks, (b) => b.textContent).join('\n') : el.innerText;
  });
}

/** A full-page screenshot taken from the top (the clock bar sticks to the top of the view). */
export async function screenshotFromTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Waits until the address bar holds a link of the work as it is now. The page writes its link
 *  and autosave once a second (SYNC_MILLIS in src/persist.rs): waiting past one write first
 *  makes the link hold whatever was done before this call. */
export async function settledLink(page) {
  await page.waitForTimeout(1200);
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(300);
    const url = page.url();
    if (url.includes('#v1:') && url === last) return url;
    last = url;
  }
  assert.fail(`the link did not settle: ${last}`);
}

/** A DaemonSet of one busybox container named `name`, as a tutorial writes one. */
export const daemonSetYaml = (name) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
`;

/** The lightness (0 dark … 1 light) of the background of `frame`'s page. */
export const lightness = (frame) => frame.evaluate(() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
});

/** Waits until the model (in its Web Worker) has answered every request the page sent so far
 *  (`data-model-sent` and `data-model-answered` on <html>, src/components/model.rs), and the
 *  page has drawn its answer: an action's reply comes after the click or key press returns. */
export async function answered(page) {
  const sent = await page.evaluate(() => Number(document.documentElement.getAttribute('data-model-sent') ?? 0));
  await page.waitForFunction((n) => Number(document.documentElement.getAttribute('data-model-answered') ?? 0) >= n, sent, {
    polling: 'raf',
  });
}

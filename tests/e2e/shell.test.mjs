// index.html's static shell (src/shell.rs, and its script in <head>): the page's frame and its editor
// paint before the WebAssembly arrives; what is typed there is kept once the app mounts; an
// embed shows the embed's frame; a link or the autosave opens what it holds, not the default.
// The WebAssembly request is held back (page.route) to look at the page before the app mounts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answered, nodesList, screenshot, settledLink, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

/** Holds every .wasm request until `release()` is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((done) => {
    release = done;
  });
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const shellEditor = (page) => page.locator('#shell-editor');
const appEditor = (page) => page.locator('#editor textarea[aria-label="Manifest"]');

test('the shell paints the header, the canvas frame and the editor before the WebAssembly arrives', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWasm(page);
  await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('status').filter({ hasText: 'Starting the simulator…' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'DaemonSet Playground' }).count(), 1);
  const text = await shellEditor(page).inputValue();
  assert.match(text, /^# fluentd, a log collector/);
  assert.match(text, /image: quay\.io\/fluentd_elasticsearch\/fluentd:v2\.5\.2/);
  // Styled by the site's CSS: the header's background is the surface colour, not the default.
  const header = await page.locator('.shell .site-header').evaluate((h) => getComputedStyle(h).display);
  assert.notEqual(header, 'none');
  assert.equal(await nodesList(page).count(), 0, 'no app yet');
  await screenshot(page, 'shell-before-mount');
  release();
  await nodesList(page).waitFor();
  assert.equal(await page.locator('#shell').count(), 0, 'the app replaced the shell');
  // The app's editor holds the shell's text from its first answer (the default preset opened
  // under the English welcome), and still once the model has answered the page's requests.
  assert.equal(await appEditor(page).inputValue(), text);
  await answered(page);
  assert.equal(await appEditor(page).inputValue(), text);
  await screenshot(page, 'shell-after-mount');
  assert.deepEqual(log.errors, []);
});

test('what a reader typed in the shell is kept when the app mounts, with the focus', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWasm(page);
  await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
  await shellEditor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# typed before the app');
  assert.match(await shellEditor(page).inputValue(), /# typed before the app$/);
  release();
  await nodesList(page).waitFor();
  const text = await appEditor(page).inputValue();
  assert.match(text, /path: \/var\/lib\/docker\/containers\n# typed before the app$/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Manifest');
  // Typing goes on where it stopped.
  await page.keyboard.type('!');
  assert.match(await appEditor(page).inputValue(), /# typed before the app!$/);
  // And it is the page's work: Apply takes it (the comment changes nothing, no error).
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await answered(page);
  assert.equal(await page.locator('#editor-error pre').count(), 0);
  assert.deepEqual(log.errors, []);
});

test('in embed mode the shell is the embed frame, not the full page', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 700, height: 500 } });
  const release = await holdWasm(page);
  await page.goto(`${ctx.server.url}?embed=1`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('status').filter({ hasText: 'Starting the simulator…' }).waitFor();
  assert.equal(await page.locator('.shell-embed').isVisible(), true);
  assert.equal(await page.locator('.shell-page').isVisible(), false);
  assert.equal(await page.getByRole('textbox', { name: 'Manifest' }).count(), 0);
  await screenshot(page, 'shell-embed-before-mount');
  release();
  await nodesList(page).waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assert.equal(await page.locator('.embed-header').count(), 1);
  await screenshot(page, 'shell-embed-after-mount');
  assert.deepEqual(log.errors, []);
});

test('a link says "Opening…" in the shell and opens its own scenario, not the default', async () => {
  const { page: author } = await ctx.open();
  await author.goto(ctx.server.url);
  await nodesList(author).waitFor();
  await author.getByRole('button', { name: 'Pause', exact: true }).click();
  const yaml = (await appEditor(author).inputValue()).replace(/fluentd:v2\.5\.2/, 'fluentd:v2.6.0');
  await appEditor(author).fill(yaml);
  await author.getByRole('button', { name: 'Apply', exact: true }).click();
  const link = await settledLink(author);
  await author.close();

  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWasm(page);
  await page.goto(link, { waitUntil: 'domcontentloaded' });
  await page.getByRole('status').filter({ hasText: 'Opening…' }).waitFor();
  assert.equal(await shellEditor(page).isVisible(), false, 'no default text to type into');
  await screenshot(page, 'shell-opening-link');
  release();
  await nodesList(page).waitFor();
  assert.match(await appEditor(page).inputValue(), /fluentd:v2\.6\.0/);
  assert.deepEqual(log.errors, []);
});

test('with an autosave the shell says "Opening…" and the page opens the saved work', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await context.newPage();
  await first.goto(ctx.server.url);
  await nodesList(first).waitFor();
  await first.getByRole('button', { name: 'Pause', exact: true }).click();
  const yaml = (await appEditor(first).inputValue()).replace(/fluentd:v2\.5\.2/, 'fluentd:v2.7.0');
  await appEditor(first).fill(yaml);
  await first.getByRole('button', { name: 'Apply', exact: true }).click();
  await settledLink(first);
  await first.close();

  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const release = await holdWasm(page);
  await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('status').filter({ hasText: 'Opening…' }).waitFor();
  release();
  await nodesList(page).waitFor();
  assert.match(await appEditor(page).inputValue(), /fluentd:v2\.7\.0/);
  assert.deepEqual(errors, []);
  await context.close();
});

// The playground page itself, served under /daemonset-playground/ as on GitHub Pages.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { answered, foreign, screenshot, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const title = (page) => page.getByRole('heading', { level: 1, name: 'DaemonSet Playground' });

test('the page renders under the sub-path, with its landmarks', async () => {
  const { page } = await ctx.open();
  const response = await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  assert.equal(response.status(), 200);
  // The heading is rendered by the WebAssembly app, so seeing it means the app started.
  await title(page).waitFor();
  for (const role of ['banner', 'main', 'contentinfo']) {
    assert.ok(await page.getByRole(role).isVisible(), `the ${role} landmark is visible`);
  }
  assert.equal(await page.title(), 'DaemonSet Playground');
  await screenshot(page, 'page');
});

test('no console error while loading and rendering', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  assert.deepEqual(log.errors, []);
});

test('no request leaves the origin', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  assert.ok(log.requests.some((url) => url.endsWith('.wasm')), 'the wasm was requested');
  assert.deepEqual(foreign(log.requests, ctx.server.origin), []);
});

test('a Content-Security-Policy with the inline scripts hashed is in force', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /unsafe-inline|__INLINE_SCRIPT_HASHES__/);
  // A violation would show as a console error.
  assert.deepEqual(log.errors, []);
});

test('the page starts the worker of its own build: its names carry a hash of its content', async () => {
  // Trunk does not hash a worker's names; scripts/worker-names.mjs does, each file's of its own
  // bytes (content-names.test.mjs checks every file of the build). Unversioned, a page could
  // start another build's worker from the browser's cache after a deploy.
  const { page, log } = await ctx.open();
  const from = ctx.server.hits.length;
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  await answered(page);
  const loader = await page.locator('meta[name="dsplay-model"]').getAttribute('content');
  const version = /^worker_loader-([0-9a-f]{16})\.js$/.exec(loader)?.[1];
  assert.ok(version, `the worker's URL carries no version: ${loader}`);
  const body = async (name) => Buffer.from(await (await fetch(new URL(name, ctx.server.url))).arrayBuffer());
  const loaderBytes = await body(loader);
  // Its lines: the WebAssembly asked for, the glue, the start.
  const wasm = /^var dsplayWasm = fetch\("\.\/(worker-([0-9a-f]{16})_bg\.wasm)"\);\n/.exec(loaderBytes.toString('utf8'));
  assert.ok(wasm, `the loader does not fetch a versioned WebAssembly first: ${loaderBytes.subarray(0, 200)}`);
  const hits = ctx.server.hits.slice(from);
  for (const name of [loader, wasm[1]]) {
    assert.ok(hits.some((h) => h.endsWith(`/${name}`)), `${name} not requested:\n${hits.join('\n')}`);
  }
  // The loader carries the glue (one request before the worker starts, not two).
  assert.deepEqual(hits.filter((h) => /\/worker(_loader|_bg)?(-[0-9a-f]+)?\.(js|wasm)$/.test(h) && !h.endsWith(`/${loader}`) && !h.endsWith(`/${wasm[1]}`)), []);
  assert.equal(version, createHash('sha256').update(loaderBytes).digest('hex').slice(0, 16));
  assert.equal(wasm[2], createHash('sha256').update(await body(wasm[1])).digest('hex').slice(0, 16));
  assert.deepEqual(log.errors, []);
});

test('the app starts the same hashed worker itself when the head\'s script could not', async () => {
  const { page, log } = await ctx.open();
  // The first Worker (index.html's script) is refused; src/components/model.rs starts its own.
  await page.addInitScript(() => {
    const Real = window.Worker;
    let refused = false;
    window.startedWorkers = [];
    window.Worker = function (url, options) {
      if (!refused) {
        refused = true;
        throw new Error('refused by the test');
      }
      window.startedWorkers.push(String(url));
      return new Real(url, options);
    };
  });
  // A lesson: the head's script starts the worker at once only when the page opens something
  // else than the default preset (for that one the page starts it, the next test).
  await page.goto(`${ctx.server.url}?lesson=taints-and-drain`, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  await answered(page);
  const loader = await page.locator('meta[name="dsplay-model"]').getAttribute('content');
  const started = await page.evaluate(() => window.startedWorkers);
  assert.deepEqual(started, [new URL(loader, ctx.server.url).href]);
  assert.deepEqual(log.errors, []);
});

test('for the default preset the app, not the head\'s script, starts the hashed worker, at #open-default', async () => {
  const { page, log } = await ctx.open();
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.startedWorkers = [];
    window.Worker = function (url, options) {
      // Whether the page's module had run (the app's start marks it) when this one started.
      window.startedWorkers.push([String(url), performance.getEntriesByName('dsplay:start').length > 0]);
      return new Real(url, options);
    };
  });
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await title(page).waitFor();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await answered(page);
  const loader = await page.locator('meta[name="dsplay-model"]').getAttribute('content');
  const started = await page.evaluate(() => window.startedWorkers);
  assert.deepEqual(started, [[`${new URL(loader, ctx.server.url).href}#open-default`, true]]);
  assert.deepEqual(log.errors, []);
});

test('the dark theme follows the system setting', async () => {
  const background = async (colorScheme) => {
    const { page } = await ctx.open({ colorScheme });
    await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
    await title(page).waitFor();
    if (colorScheme === 'dark') await screenshot(page, 'page-dark');
    return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  };
  const light = await background('light');
  const dark = await background('dark');
  assert.notEqual(light, dark);
});

test('a deep link gets the app from 404.html, as on GitHub Pages', async () => {
  const { page } = await ctx.open();
  const response = await page.goto(`${ctx.server.url}some/deep/link`, { waitUntil: 'networkidle' });
  assert.equal(response.status(), 404);
  await title(page).waitFor();
});

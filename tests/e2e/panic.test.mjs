// "Never a silent freeze": a panic shows a visible error panel (src/panic_panel.rs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, start } from './harness.mjs';

const HEADING = 'The playground hit an internal error';
const MESSAGE = 'test panic requested by ?__test_panic=1';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

test('a panic shows the error panel with its message, and logs it', async () => {
  const { page, log } = await ctx.open();
  await page.goto(`${ctx.server.url}?__test_panic=1`);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.ok(await panel.getByRole('heading', { name: HEADING }).isVisible());
  assert.match(await panel.innerText(), new RegExp(MESSAGE.replace(/[?]/g, '\\?')));
  assert.ok(await panel.getByRole('button', { name: 'Reload' }).isVisible());
  assert.ok(
    log.errors.some((text) => text.includes(MESSAGE)),
    `console.error has the panic: ${JSON.stringify(log.errors)}`,
  );
  await screenshot(page, 'panic');
});

test('the Reload button of the panel reloads the page', async () => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.server.url}?__test_panic=1`);
  await page.getByRole('alert').waitFor();
  await page.evaluate(() => {
    window.beforeReload = true;
  });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  assert.equal(await page.evaluate(() => window.beforeReload), undefined);
  // The reloaded page asked for the panic again, and shows the panel again.
  await page.getByRole('alert').waitFor();
});

// Issue 24 item 5: running out of memory traps the WebAssembly instance without a panic; the
// panel must name that cause, not a later panic of the runtime left half-way.
test('out of memory shows its cause on the panel', async () => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.server.url}?__test_panic=oom`);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /out of memory: the page could not get \d+ MB more/);
  assert.doesNotMatch(text, /already disposed/);
  // Clicking around afterwards does not replace the cause.
  await page.mouse.click(10, 10);
  assert.match(await panel.innerText(), /out of memory/);
});

// The same in the model's worker, which has no document: its allocator posts the cause to the
// page as its panics do (src/worker.rs), before the trap stops it. Started here as the page
// starts its own (the address index.html names), with the test-only `#__test_oom`.
test('out of memory in the model worker posts its cause for the panel', async () => {
  const { page } = await ctx.open();
  await page.goto(ctx.server.url);
  const said = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const name = document.querySelector('meta[name="dsplay-model"]').content;
        const worker = new Worker(new URL(name, document.baseURI) + '#__test_oom');
        worker.onmessage = (e) => {
          // A worker that ignored the address says it is ready: that answer fails the test.
          if (typeof e.data === 'string') resolve(e.data);
        };
        worker.onerror = (e) => resolve(`error: ${e.message}`);
      }),
  );
  assert.match(said, /^panic: out of memory: the simulator could not get \d+ MB more/);
});

// After a deploy, a page still cached from the previous build asks for its own worker, which is
// gone (scripts/worker-names.mjs hashes its names): the panel says so instead of a silent freeze.
test('a worker that does not load shows the error panel', async () => {
  const { page } = await ctx.open();
  await page.route(/\/worker_loader-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(ctx.server.url);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.innerText(), /the simulator stopped: its worker did not load/);
});

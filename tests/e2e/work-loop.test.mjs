// Issue 22: the page's loop of Work requests loses no work. The model answers a Work with
// whether work is left when it reads it; a Settle clicked while a loop's last Work is on its
// way reaches the model after that Work, which answers "done". Stop 30's CI failed on this
// (responsive.test.mjs: a Settle clicked while 10,000 node cards were still streaming never
// ran). Here the worker's answers are held back 800 ms so the click lands in that window every
// time: the Settle must still run to its end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodeList } from '../../scripts/bench/manifests.mjs';
import { answered, pasteManifest, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const DELAY = 800;

const attribute = (page, name) =>
  page.evaluate((n) => Number(document.documentElement.getAttribute(n) ?? 0), name);

test('a Settle clicked while the last Work of a loop is on its way still runs', { timeout: 120_000 }, async () => {
  const { page, log } = await ctx.open();
  // Once the app has taken the worker over, every message from the worker reaches the page
  // DELAY ms late, in order. The app's `onmessage` is set after the document was parsed;
  // index.html's script, which keeps what the worker says before the app listens, sets its own
  // while it is parsed (when it starts the worker: not for the default preset, opened here).
  await page.addInitScript((delay) => {
    const handler = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() {
        return handler.get.call(this);
      },
      set(f) {
        const late = document.readyState !== 'loading' && f;
        handler.set.call(this, late ? (e) => setTimeout(() => f.call(this, e), delay) : f);
      },
    });
  }, DELAY);
  page.setDefaultTimeout(60_000);
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await answered(page);

  const transcript = page.getByRole('log', { name: 'Console transcript' });
  // More cards than one update carries (1,000): the page asks for the rest with a Work.
  await pasteManifest(page, nodeList(1_500));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await transcript.getByText('node/node-01499 created').waitFor();
  // The apply's update carried 1,000 cards; the page has asked for the other 500 with a Work
  // whose answer ("done": no more cards, no work) is on its way.
  const sent = await attribute(page, 'data-model-sent');
  assert.ok(sent > (await attribute(page, 'data-model-answered')), 'a Work is on its way');
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await transcript.getByText(/settled at/).last().waitFor({ timeout: 30_000 });
  assert.ok((await attribute(page, 'data-model-answered')) > sent, 'the loop went round once more');
  assert.deepEqual(log.errors, []);
});

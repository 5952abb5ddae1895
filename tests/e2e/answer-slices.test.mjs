// A large answer of the model (a pasted NodeList's Apply: its transcript entry, its first cells)
// is set in slices, each in a task after a frame (src/components/model.rs): first the canvas
// and the status table, then the console's entry. Set at once, the 10,000-node Apply was one
// task of 40–60 ms (issue 22's settle bench).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodeList, pasteManifest, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

// 997 nodes with the default scenario's three (the playground reads at most 1,000 documents),
// padded with labels so that the Apply's answer is over the page's 128 KiB.
const COUNT = 997;
const padded = (count) =>
  nodeList(count, (i) => `    name: big-${i}\n    labels:\n      rack: rack-${String(i).padStart(40, '0')}\n      zone: zone-${'z'.repeat(40)}`);

test('a large answer: the cells first, the transcript entry after a frame', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await pasteManifest(page, padded(COUNT));
  // Which frame (a count of animation frames) each of them reached the document in.
  await page.evaluate(() => {
    const seen = (globalThis.__slices = { frame: 0, cells: null, entry: null, entries: 0, bytes: 0 });
    const tick = () => {
      seen.frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    seen.entries = document.querySelectorAll('.terminal .entry').length;
    new MutationObserver(() => {
      if (seen.cells == null && document.querySelector('.dense-grid .dense-cell[aria-label="big-1"]')) seen.cells = seen.frame;
      if (seen.entry == null && document.querySelectorAll('.terminal .entry').length > seen.entries) seen.entry = seen.frame;
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const transcript = page.getByRole('log', { name: 'Console transcript' });
  await transcript.getByText(`node/big-${COUNT} created`).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.dense-grid .dense-cell[aria-label]').length === n, COUNT + 3);
  const seen = await page.evaluate(() => globalThis.__slices);
  assert.ok(seen.cells != null && seen.entry != null, JSON.stringify(seen));
  assert.ok(seen.entry > seen.cells, `the entry came in a frame after the cells: ${JSON.stringify(seen)}`);
  assert.deepEqual(log.errors, []);
});

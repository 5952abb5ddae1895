// A long output in the console: the 999 lines of a NodeList's Apply are drawn in blocks the
// browser lays out only when scrolled into view (src/components/console.rs), and still copy as
// the one text kubectl printed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pasteManifest, screenshot, start, nodeList } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const COUNT = 999;


test('a 999-line output is drawn in blocks laid out when in view, and copies as its text', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await pasteManifest(page, nodeList(COUNT, (i) => `    name: long-${i}`));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const transcript = page.getByRole('log', { name: 'Console transcript' });
  await transcript.getByText(`node/long-${COUNT} created`).waitFor();

  const output = page.locator('.terminal .entry .output').last();
  const blocks = output.locator(':scope > .block');
  // 999 lines (the pasted list is the whole manifest): four blocks of 200 and one of 199.
  assert.equal(await blocks.count(), 5);
  assert.equal(await output.locator(':scope > .block.sized').count(), 4, 'every block but the last');
  assert.equal(
    await blocks.first().evaluate((el) => getComputedStyle(el).contentVisibility),
    'auto',
  );
  // Out of view, the first block is not laid out: its lines are no rendered text yet.
  assert.equal(await blocks.first().innerText(), '', 'not laid out while out of view');
  assert.ok((await blocks.last().innerText()).trimEnd().endsWith(`node/long-${COUNT} created`));

  // What a copy of the whole output gives (a selection's text; `innerText` leaves out the
  // blocks the browser has not laid out).
  const text = await output.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, COUNT, 'one line a node, none doubled at a block\'s end');
  for (let i = 1; i <= COUNT; i++) {
    assert.ok(lines.includes(`node/long-${i} created`), `long-${i}`);
  }
  assert.ok(!lines.includes(''), 'no empty line between blocks');

  // The newest output is in view: the last block, the last line.
  const last = transcript.getByText(`node/long-${COUNT} created`);
  assert.ok(await last.isVisible());
  const inView = await page.locator('.terminal').evaluate((t) => t.scrollTop + t.clientHeight >= t.scrollHeight - 2);
  assert.ok(inView, 'the transcript is scrolled to its end');

  // Scrolled back to the top, the first block shows its lines.
  await page.locator('.terminal').evaluate((t) => {
    t.scrollTop = 0;
  });
  await page.waitForFunction(
    (el) => el.innerText.startsWith('node/long-1 created\nnode/long-2 created'),
    await blocks.first().elementHandle(),
  );

  // A short output stays one text.
  await page.getByRole('textbox', { name: 'Console', exact: true }).fill('kubectl get nodes long-1');
  await page.getByRole('textbox', { name: 'Console', exact: true }).press('Enter');
  await transcript.getByText(/^long-1\s+Ready/m).waitFor();
  assert.equal(await page.locator('.terminal .entry .output').last().locator('.block').count(), 0);

  await screenshot(page, 'console-long-output');
  assert.deepEqual(log.errors, []);
});

test('a long output of wide lines shows them whole in every block', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // 450 nodes of 63-character names: `kubectl get nodes -o wide` prints lines wider than the
  // console, more than 400 of them.
  const wide = (i) => `wide-${String(i).padStart(3, '0')}-${'x'.repeat(53)}`;
  await pasteManifest(page, nodeList(450, (i) => `    name: ${wide(i)}`));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const transcript = page.getByRole('log', { name: 'Console transcript' });
  await transcript.getByText(`node/${wide(450)} created`).waitFor();
  await page.getByRole('textbox', { name: 'Console', exact: true }).fill('kubectl get nodes -o wide');
  await page.getByRole('textbox', { name: 'Console', exact: true }).press('Enter');
  await transcript.getByText(/KERNEL-VERSION/).waitFor();
  const output = page.locator('.terminal .entry .output').last();
  const blocks = output.locator(':scope > .block');
  assert.equal(await blocks.count(), 3, '453 lines: blocks of 200, 200 and 53');
  // Each block scrolled into view in turn, then measured: nothing of its lines cut off.
  for (let i = 0; i < 3; i++) {
    await blocks.nth(i).evaluate((el) => el.scrollIntoView());
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const [client, scroll] = await blocks.nth(i).evaluate((el) => [el.clientWidth, el.scrollWidth]);
    assert.ok(scroll <= client, `block ${i}: ${scroll} px of lines in a ${client} px box`);
    const terminal = await page.locator('.terminal').evaluate((t) => t.clientWidth);
    assert.ok(client > terminal, `block ${i} is wider than the console (${client} > ${terminal})`);
  }
  assert.deepEqual(log.errors, []);
});

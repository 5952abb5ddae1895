// Where the simulator simplifies, named in the page as in the docs: the footer's link runs
// `sim simplifications` in the console (the same command path as typing it), and the list is
// the one the README links to (engine/src/sim/simplifications.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { answered, consoleBox, nodesList, screenshot, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const LIST = readFileSync(new URL('../../engine/src/sim/simplifications.md', import.meta.url), 'utf8');
const titles = [...LIST.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1].replaceAll('`', ''));

test('the footer link lists every simplification in the console', async () => {
  assert.ok(titles.length >= 10, `the list has its bullets: ${titles.length}`);
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(ctx.server.url);
  await nodesList(page).locator('li').first().waitFor();
  await consoleBox(page).waitFor();
  const link = page.getByRole('link', { name: 'Where the simulator simplifies' });
  assert.match(await link.getAttribute('title'), /sim simplifications/);
  await link.click();
  await answered(page);
  const entry = page.locator('.terminal .entry').last();
  await entry.getByText('Where the simulator simplifies:').waitFor();
  const text = (await entry.innerText()).replaceAll('`', '');
  assert.match(text, /sim simplifications/, 'the command shows as typed');
  for (const title of titles) assert.ok(text.includes(title), `the console names "${title}"`);
  // The console is where the link took the reader.
  const box = await consoleBox(page).boundingBox();
  assert.ok(box && box.y < 800 && box.y + box.height > 0, `the console is in view: ${JSON.stringify(box)}`);
  await screenshot(page, 'simplifications');
  assert.deepEqual(log.errors, []);
});

test('the footer link speaks the page language', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${ctx.server.url}?lang=zh-Hant`);
  await page.getByRole('link', { name: '模擬器在哪些地方做了簡化' }).waitFor();
  assert.deepEqual(log.errors, []);
});

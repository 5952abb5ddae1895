// The playground embedded in an <iframe> of a host page, as a tutorial would embed it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foreign, screenshot, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

test('the playground renders inside an iframe of a host page', async () => {
  const { page, log } = await ctx.open();
  await page.goto(ctx.server.hostUrl, { waitUntil: 'networkidle' });
  const frame = page.frameLocator('iframe[title="DaemonSet Playground"]');
  await frame.getByRole('heading', { level: 1, name: 'DaemonSet Playground' }).waitFor();
  assert.ok(await frame.getByRole('main').isVisible());
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreign(log.requests, ctx.server.origin), []);
  await screenshot(page, 'iframe');
});

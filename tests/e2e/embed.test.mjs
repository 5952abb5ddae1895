// embed.js and its demo page: three <pre class="daemonset-playground"> blocks of an ordinary page
// become three working playgrounds in embed mode, with no request off the origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foreign, screenshot, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

test('the embed demo page shows three working playgrounds, and a lesson behind a Run button', async () => {
  const { page, log } = await ctx.open();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`${ctx.server.url}embed-demo.html`, { waitUntil: 'networkidle' });
  // Each block loads once scrolled near (lazy start): scroll to each in turn.
  const blocks = page.locator('daemonset-playground');
  assert.equal(await blocks.count(), 4);
  assert.equal(await page.locator('pre.daemonset-playground').count(), 0);
  for (let i = 0; i < 3; i++) {
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await blocks.nth(i).locator('iframe').waitFor();
  }
  const frames = page.locator('iframe.daemonset-playground');
  assert.equal(await frames.count(), 3);
  const expected = [
    { pods: /log-agent-\w{5}/g, count: 3 },
    { pods: /fluentd-\w{5}/g, count: 1 },
    { pods: /web-agent-\w{5}/g, count: 4 },
  ];
  for (let i = 0; i < 3; i++) {
    await frames.nth(i).scrollIntoViewIfNeeded();
    const frame = page.frameLocator('iframe.daemonset-playground').nth(i);
    const list = frame.getByRole('list', { name: 'Nodes', exact: true });
    await list.waitFor();
    let text = '';
    for (let tries = 0; tries < 50; tries++) {
      // Chips of pods already gone, fading out (aria-hidden), are not counted.
      text = await list.evaluate((l) => [...l.querySelectorAll('.pod-chip:not([aria-hidden=true]) .pod-name')]
        .map((n) => n.textContent).join('\n'));
      if ((text.match(expected[i].pods) ?? []).length >= expected[i].count) break;
      await page.waitForTimeout(100);
    }
    assert.equal((text.match(expected[i].pods) ?? []).length, expected[i].count, `frame ${i}: ${text}`);
    // Embed mode: compact, with a way out to the full playground.
    const out = frame.getByRole('link', { name: 'Open in playground' });
    assert.ok(await out.isVisible());
    assert.equal(await frame.getByRole('textbox', { name: 'Console' }).count(), 0);
  }
  // The fourth waits for a click, then opens its lesson.
  await blocks.nth(3).scrollIntoViewIfNeeded();
  assert.equal(await blocks.nth(3).locator('iframe').count(), 0);
  await blocks.nth(3).getByRole('button', { name: /Run the playground/ }).click();
  await page.frameLocator('iframe.daemonset-playground').nth(3).getByRole('region', { name: 'What a DaemonSet is' }).waitFor();
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreign(log.requests, ctx.server.origin), []);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'embed-demo');
});

test('an embed leaves the reader\'s own autosave alone', async () => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.server.url}embed-demo.html`, { waitUntil: 'networkidle' });
  await page.frameLocator('iframe.daemonset-playground').first().getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  await page.waitForTimeout(1500);
  const saved = await page.evaluate(() => localStorage.getItem('dsplay:autosave'));
  assert.equal(saved, null);
});

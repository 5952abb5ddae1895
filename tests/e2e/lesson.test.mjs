// Lessons (issue 21): a lesson followed through the page (its goal turns done after the learner's
// command, Next opens the next step), opened from the address and from a link, and in an embed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodesList as nodes, runInConsole as run, screenshotFromTop as screenshot, settledLink, start, answered } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const panel = (page) => page.getByRole('region', { name: 'What a DaemonSet is' });
const progress = (page) => panel(page).locator('.lesson-progress');
const goalItems = (page) => panel(page).locator('.lesson-goal li');
const next = (page) => panel(page).getByRole('button', { name: 'Next step' });

/** Waits until every expectation of the goal is met and Next (or "complete") shows. */
async function goalMet(page) {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.lesson-goal li')];
    return items.length > 0 && items.every((li) => li.classList.contains('met'));
  });
}

test('a lesson from the menu is followed to its end through the page', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1400, height: 900 } });
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(page).waitFor();
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('daemonset-basics');
  await panel(page).waitFor();
  assert.equal(await progress(page).innerText(), 'Step 1 of 4');
  assert.match(await panel(page).locator('.lesson-step-title').innerText(), /Create the DaemonSet/);
  assert.equal(await goalItems(page).count(), 1);
  assert.match(await goalItems(page).first().innerText(), /pods of daemonset\.apps\/fluentd on exactly node-1, node-2\s+\(not yet\)/);
  assert.equal(await next(page).count(), 0, 'no Next before the goal is met');
  // The editor holds the step's DaemonSet.
  assert.match(await page.getByRole('textbox', { name: 'Manifest', exact: true }).inputValue(), /name: fluentd/);
  // A hint, on request.
  await panel(page).getByRole('button', { name: 'Hint' }).click();
  await answered(page);
  assert.match(await panel(page).locator('.lesson-hints').innerText(), /kubectl apply -f -/);
  await screenshot(page, 'lesson-step-1');

  // Step 1: Apply.
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await goalMet(page);
  assert.match(await goalItems(page).first().innerText(), /\(met\)/);
  assert.match(await panel(page).getByRole('status').innerText(), /Done!/);
  await screenshot(page, 'lesson-step-1-done');
  await next(page).click();
  await page.waitForFunction(() => document.querySelector('.lesson-progress')?.textContent === 'Step 2 of 4');

  // Step 2: a new node, from the console.
  await run(page, "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-3\nEOF");
  await goalMet(page);
  await next(page).click();
  await page.waitForFunction(() => document.querySelector('.lesson-progress')?.textContent === 'Step 3 of 4');

  // Step 3: readiness; Settle runs the clock until nothing is left to happen.
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await goalMet(page);
  await next(page).click();

  // Step 4: delete the node; its pod goes with it.
  await run(page, 'kubectl delete node node-3');
  await run(page, 'sim settle');
  await goalMet(page);
  assert.equal(await progress(page).innerText(), 'Step 4 of 4');
  assert.match(await panel(page).getByRole('status').innerText(), /Lesson complete\./);
  assert.equal(await next(page).count(), 0, 'the last step has no Next');
  await screenshot(page, 'lesson-complete');
  assert.deepEqual(log.errors, []);
});

test('?lesson= opens a lesson at a step, and its link opens it there again', async () => {
  const { page, log } = await ctx.open();
  await page.goto(`${ctx.server.url}?lesson=daemonset-basics&step=2`, { waitUntil: 'networkidle' });
  await panel(page).waitFor();
  assert.equal(await progress(page).innerText(), 'Step 2 of 4');
  // Step 1's solution ran: the DaemonSet is there.
  assert.match(await run(page, 'kubectl get ds'), /fluentd/);
  const link = await settledLink(page);
  assert.match(link, /#v1:/);

  const fresh = await ctx.open();
  await fresh.page.goto(link, { waitUntil: 'networkidle' });
  await panel(fresh.page).waitFor();
  assert.equal(await progress(fresh.page).innerText(), 'Step 2 of 4');
  // Leaving keeps the cluster.
  await panel(fresh.page).getByRole('button', { name: 'Leave the lesson' }).click();
  await answered(fresh.page);
  assert.equal(await panel(fresh.page).count(), 0);
  assert.match(await run(fresh.page, 'kubectl get ds'), /fluentd/);
  assert.deepEqual([...log.errors, ...fresh.log.errors], []);
});

test('an embed opens on a lesson step, with its panel and a console', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 900, height: 1200 } });
  await page.goto(`${ctx.server.url}embed-demo.html`, { waitUntil: 'networkidle' });
  // A tutorial page's block, added the way an author writes it.
  await page.evaluate((src) => {
    document.body.innerHTML = '<h1>Tutorial</h1><pre class="daemonset-playground" data-lesson="daemonset-basics" data-step="3" data-height="1000"></pre>';
    const s = document.createElement('script');
    s.src = src;
    document.body.append(s);
  }, `${ctx.server.url}embed.js`);
  const frame = page.frameLocator('iframe.daemonset-playground');
  const embedded = frame.getByRole('region', { name: 'What a DaemonSet is' });
  await embedded.waitFor();
  assert.equal(await embedded.locator('.lesson-progress').innerText(), 'Step 3 of 4');
  await frame.getByRole('textbox', { name: 'Console', exact: true }).fill('sim settle');
  await frame.getByRole('textbox', { name: 'Console', exact: true }).press('Enter');
  await frame.locator('.lesson-goal li.met').first().waitFor();
  await embedded.getByRole('button', { name: 'Next step' }).waitFor();
  await screenshot(page, 'lesson-embed');
  assert.deepEqual(log.errors, []);
});

test('the lesson panel in Chinese', async () => {
  const { page, log } = await ctx.open({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await page.goto(`${ctx.server.url}?lesson=daemonset-basics`, { waitUntil: 'networkidle' });
  const zh = page.getByRole('region', { name: '什么是 DaemonSet' });
  await zh.waitFor();
  assert.equal(await zh.locator('.lesson-progress').innerText(), '第 1 步，共 4 步');
  assert.match(await zh.locator('.lesson-text').innerText(), /编辑器里是日志收集器/);
  await screenshot(page, 'lesson-zh-Hans');
  assert.deepEqual(log.errors, []);
});

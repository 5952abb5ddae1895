// Rollouts you can see (issue 18): old and new pods apart at a glance (each revision's badge,
// striped and worded for the old ones), the surge pod marked, each node's progress and what the
// rollout waits for. A screenshot at every Step of a rollout: tests/e2e/screenshots/rollout-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodesList as nodes, runInConsole as run, screenshotFromTop as screenshot, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const SCRIPT = (strategy) => `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: node-1}
- metadata: {name: node-2}
- metadata: {name: node-3}
- metadata: {name: node-4}
EOF
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: web-agent}
spec:
  selector: {matchLabels: {app: web-agent}}
  updateStrategy: ${strategy}
  template:
    metadata: {labels: {app: web-agent}}
    spec: {containers: [{name: web-agent, image: nginx:1.26}]}
EOF
sim settle`;

/** An empty cluster (a link to the empty scenario, `{}`) with the clock paused: the console
 *  and the Step button drive it. */
async function fresh(page) {
  await page.goto(`${ctx.server.url}#j1:e30`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

const progressOf = (page) => page.locator('.progress').filter({ hasText: 'default/web-agent' });

test('a rolling update with maxUnavailable 1, step by step', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1400, height: 1000 } });
  await fresh(page);
  await run(page, SCRIPT('{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}'));
  await run(page, 'kubectl set image ds/web-agent web-agent=nginx:1.27');
  const progress = progressOf(page);
  await progress.locator('.node-strip').waitFor();
  // Old pods wear their revision, worded and striped; the legend names both.
  // Three waiting, and node-1's terminating.
  assert.equal(await nodes(page).locator('.pod-chip.rev-old').count(), 4);
  assert.match(await progress.locator('.rev-legend').innerText(), /rev 2 current\s+rev 1 · old/);
  assert.match(await progress.locator('.rollout-next').innerText(), /Waiting: maxUnavailable 1 reached/);
  assert.match(await progress.locator('.strip-counts').innerText(), /0 done · 1 rolling · 3 waiting/);
  assert.equal(await progress.locator('.node-strip li').count(), 4);
  assert.equal(await progress.locator('.node-strip li.node-rolling').getAttribute('aria-label'), 'node-1: rolling');
  for (let step = 1; step <= 30; step++) {
    await screenshot(page, `rollout-unavailable-${String(step).padStart(2, '0')}`);
    if (await progress.locator('.rollout-next').innerText() === 'Rolled out: every node runs the current revision.') break;
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForTimeout(50);
  }
  assert.equal(await progress.locator('.rollout-next').innerText(), 'Rolled out: every node runs the current revision.');
  assert.equal(await nodes(page).locator('.pod-chip.rev-old').count(), 0);
  assert.equal(await nodes(page).locator('.pod-chip.rev-current').count(), 4);
  assert.deepEqual(log.errors, []);
});

test('a surge rollout marks the new pod beside the old one', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1400, height: 1000 } });
  await fresh(page);
  await run(page, SCRIPT('{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}'));
  await run(page, 'kubectl set image ds/web-agent web-agent=nginx:1.27');
  const progress = progressOf(page);
  await progress.locator('.node-strip').waitFor();
  assert.match(await progress.locator('.rollout-next').innerText(), /Waiting: maxSurge 1 reached/);
  const card = nodes(page).getByRole('listitem', { name: 'node-1', exact: true });
  assert.equal(await card.locator('.pod-chip').count(), 2);
  assert.match(await card.locator('.pod-chip.rev-current').innerText(), /surge/i);
  assert.match(await card.locator('.pod-chip.rev-old').innerText(), /rev 1 · old/);
  await screenshot(page, 'rollout-surge');
  assert.deepEqual(log.errors, []);
});

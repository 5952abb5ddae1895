// Seed 004 followed in the page (issue 18): deploy/rng, its YAML with kind: DaemonSet refused by
// Apply, forced from the console with --validate=false (-f - reads the editor), then both the
// Deployment's pod and the DaemonSet's pods on the canvas; the lesson's goals turn done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodesList as nodes, runInConsole as run, screenshotFromTop as screenshot, start, outputText } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

const panel = (page) => page.getByRole('region', { name: 'A Deployment turned into a DaemonSet' });
const next = (page) => panel(page).getByRole('button', { name: 'Next step' });

async function goalMet(page) {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.lesson-goal li')];
    return items.length > 0 && items.every((li) => li.classList.contains('met'));
  });
}

async function stepIs(page, n, of) {
  await page.waitForFunction((t) => document.querySelector('.lesson-progress')?.textContent === t, `Step ${n} of ${of}`);
}

test('seed 004: a Deployment turned into a DaemonSet, followed to its end in the page', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${ctx.server.url}?lesson=deployment-to-daemonset`, { waitUntil: 'networkidle' });
  await panel(page).waitFor();
  await nodes(page).getByRole('listitem', { name: 'node-3', exact: true }).waitFor();

  // Step 1: kubectl get all lists the Deployment and its ReplicaSet.
  const all = await run(page, 'kubectl get all');
  assert.match(all, /deployment\.apps\/rng\s+1\/1/);
  assert.match(all, /replicaset\.apps\/rng-\w+\s+1\s+1\s+1/);
  await goalMet(page);
  await screenshot(page, 'seed-004-deployment');
  await next(page).click();
  await stepIs(page, 2, 5);

  // Step 2: the editor holds the dump with kind: DaemonSet; Apply is refused.
  const editor = page.getByRole('textbox', { name: 'Manifest', exact: true });
  assert.match(await editor.inputValue(), /kind: DaemonSet\n[\s\S]*replicas: 1/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await goalMet(page);
  const refused = await outputText(page.locator('.terminal .entry .output').last());
  assert.match(refused, /strict decoding error: unknown field "spec\.replicas", unknown field "spec\.strategy"/);
  await screenshot(page, 'seed-004-refused');
  await next(page).click();
  await stepIs(page, 3, 5);

  // Step 3: --validate=false from the console; -f - sends the editor's text.
  assert.match(await run(page, 'kubectl apply -f - --validate=false'), /^daemonset\.apps\/rng created\s*$/);
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await goalMet(page);
  await next(page).click();
  await stepIs(page, 4, 5);

  // Step 4: both, and one pod too many.
  const both = await run(page, 'kubectl get all');
  assert.match(both, /daemonset\.apps\/rng\s+3\s+3\s+3/);
  assert.match(both, /deployment\.apps\/rng/);
  assert.match(await run(page, 'kubectl describe rs -l app=rng'), /Selector:\s+app=rng,pod-template-hash=/);
  await goalMet(page);
  // The canvas: four rng pods, one of them the Deployment's.
  assert.equal(await nodes(page).locator('.pod-chip', { hasText: 'rng' }).count(), 4);
  assert.equal(await nodes(page).locator('.pod-chip.other-owner').count(), 1);
  await screenshot(page, 'seed-004-both');
  await next(page).click();
  await stepIs(page, 5, 5);

  // Step 5: the Deployment goes, its pod with it.
  await run(page, 'kubectl delete deploy rng');
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await goalMet(page);
  assert.match(await panel(page).getByRole('status').innerText(), /Lesson complete\./);
  await screenshot(page, 'seed-004-complete');
  assert.deepEqual(log.errors, []);
});

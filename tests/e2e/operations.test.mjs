// Node options, pressure conditions and a rollout watched step by step, as a user does them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nodesList as nodes, screenshotFromTop as save, start, answered } from './harness.mjs';


let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

async function open(options) {
  const opened = await ctx.open(options);
  await opened.page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(opened.page).waitFor();
  return opened;
}

const card = (page, name) => nodes(page).getByRole('listitem', { name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const transcript = (page) => page.getByRole('log', { name: 'Console transcript' });

test('Add node with a name, labels, a NoExecute taint and capacity, twice at once', async () => {
  const { page, log } = await open();
  await page.getByText('New node options').click();
  const form = page.locator('.add-node-options');
  await form.getByRole('textbox', { name: 'Name' }).fill('gpu');
  await form.getByRole('textbox', { name: 'Labels' }).fill('accelerator=nvidia');
  await form.getByRole('textbox', { name: 'Taints' }).fill('gpu=true');
  await form.getByRole('combobox', { name: 'Taint effect' }).selectOption('NoExecute');
  await form.getByRole('textbox', { name: 'Memory' }).fill('32Gi');
  await page.getByRole('spinbutton', { name: 'How many nodes to add' }).fill('2');
  await page.getByRole('spinbutton', { name: 'How many nodes to add' }).dispatchEvent('change');
  await button(page, 'Add node').click();
  await transcript(page).getByText('node/gpu-2 created').waitFor();
  for (const name of ['gpu-1', 'gpu-2']) {
    const text = await card(page, name).innerText();
    assert.match(text, /accelerator=nvidia/);
    assert.match(text, /gpu=true:NoExecute/);
  }
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).waitFor();
  // fluentd does not tolerate the taint: no pod on the new nodes.
  assert.match(await card(page, 'gpu-1').innerText(), /No pods/);
  await save(page, 'operations-add-nodes');
  assert.deepEqual(log.errors, []);
});

test('MemoryPressure from the node card runs sim node NAME pressure memory on|off', async () => {
  const { page } = await open();
  const node1 = card(page, 'node-1');
  await node1.getByText('Label / taint / pressure').click();
  const toggle = node1.getByRole('button', { name: 'MemoryPressure node-1', exact: true });
  await toggle.click();
  await transcript(page).getByText('$ sim node node-1 pressure memory on').waitFor();
  await page.waitForFunction(() =>
    document.querySelector('[aria-label="node-1"] .badge.condition')?.textContent === 'MemoryPressure');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await save(page, 'operations-pressure');
  await toggle.click();
  await transcript(page).getByText('$ sim node node-1 pressure memory off').waitFor();
});

test('a rollout, sampled at every Step, never has more nodes without an available pod than maxUnavailable', async () => {
  const { page } = await open();
  await page.getByRole('spinbutton', { name: 'How many nodes to add' }).fill('3');
  await page.getByRole('spinbutton', { name: 'How many nodes to add' }).dispatchEvent('change');
  await button(page, 'Add node').click();
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).waitFor();
  await button(page, 'Pause').click();
  await page.getByRole('textbox', { name: 'Console', exact: true }).fill(
    'kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
  await page.getByRole('textbox', { name: 'Console', exact: true }).press('Enter');
  await transcript(page).getByText('image updated').waitFor();

  // Per node: whether it has a Ready (available: minReadySeconds is 0) pod, and its revisions.
  const sample = () => nodes(page).locator(':scope > li').evaluateAll((cards) => cards.map((li) => {
    const chips = [...li.querySelectorAll('.pod-chip')];
    return {
      name: li.getAttribute('aria-label'),
      available: chips.some((c) => c.classList.contains('state-ready')),
      rev2: chips.some((c) => /rev 2/.test(c.textContent) && c.classList.contains('state-ready')),
    };
  }));
  const updatedOverTime = [];
  for (let step = 0; step < 120; step++) {
    const now = await sample();
    const lacking = now.filter((n) => !n.available).map((n) => n.name);
    assert.ok(lacking.length <= 1, `step ${step}: ${lacking} lack an available pod (maxUnavailable 1)`);
    const updated = now.filter((n) => n.rev2).length;
    updatedOverTime.push(updated);
    if (step === 2) await save(page, 'operations-rollout-midway');
    if (updated === now.length) break;
    await button(page, 'Step').click();
    await page.waitForTimeout(20);
  }
  assert.equal(updatedOverTime.at(-1), 6, `updated nodes over time: ${updatedOverTime}`);
  // Node by node: the count of updated nodes climbs one at a time.
  for (let i = 1; i < updatedOverTime.length; i++) {
    assert.ok(updatedOverTime[i] - updatedOverTime[i - 1] <= 1, `${updatedOverTime}`);
  }
  await save(page, 'operations-rollout-done');
});

test('? lists the keyboard shortcuts; p, n and s drive the clock from the keyboard', async () => {
  const { page, log } = await open();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Play \/ Pause/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Close');
  await save(page, 'operations-shortcuts');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Keyboard shortcuts');

  await page.keyboard.press('p');
  await answered(page);
  assert.equal(await button(page, 'Pause').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('n');
  await transcript(page).getByText('$ sim advance 1s').waitFor();
  await page.keyboard.press('s');
  await transcript(page).getByText(/settled at/).waitFor();
  // Typed into the console, the same letters are text.
  await page.keyboard.press('c');
  await page.keyboard.type('spn');
  assert.equal(await page.getByRole('textbox', { name: 'Console', exact: true }).inputValue(), 'spn');
  assert.deepEqual(log.errors, []);
});

test('revision history: Roll back runs kubectl rollout undo --to-revision', async () => {
  const { page } = await open();
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).waitFor();
  await page.getByRole('textbox', { name: 'Console', exact: true }).fill(
    'kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
  await page.getByRole('textbox', { name: 'Console', exact: true }).press('Enter');
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).nth(1).waitFor();
  await page.getByText('Revision history').click();
  const history = page.getByRole('list', { name: 'Revision history' });
  assert.match(await history.innerText(), /revision 1[\s\S]*v2\.5\.2[\s\S]*revision 2[\s\S]*v2\.6\.0/);
  await save(page, 'operations-history');
  await history.getByRole('button', { name: 'Roll back kube-system/fluentd-elasticsearch to revision 1' }).click();
  await transcript(page).getByText('$ kubectl rollout undo ds/fluentd-elasticsearch -n kube-system --to-revision=1').waitFor();
  await transcript(page).getByText('daemonset.apps/fluentd-elasticsearch rolled back').waitFor();
});

test('sim audit in the console names who wrote each pod: the DaemonSet controller, the kubelet', async () => {
  const { page, log } = await open();
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).waitFor();
  const console_ = page.getByRole('textbox', { name: 'Console', exact: true });
  await console_.fill('kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
  await console_.press('Enter');
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).nth(1).waitFor();
  await console_.fill('sim audit');
  await console_.press('Enter');
  const header = transcript(page).getByText(/TIME\s+USER\s+VERB\s+RESOURCE\s+NAMESPACE\s+NAME\s+NODE/);
  await header.waitFor();
  const text = await transcript(page).innerText();
  // the rollout: the controller deletes each old pod, the node's kubelet ends it, a new one follows
  assert.match(text, /system:serviceaccount:kube-system:daemon-set-controller\s+delete\s+pods\s+kube-system\s+fluentd-elasticsearch-\S+/);
  assert.match(text, /system:node:\S+\s+delete\s+pods\s+kube-system\s+fluentd-elasticsearch-\S+/);
  await header.scrollIntoViewIfNeeded();
  await save(page, 'operations-sim-audit');
  assert.deepEqual(log.errors, []);
});

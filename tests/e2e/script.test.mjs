// A scenario script pasted into the console and played step by step; several lines in the
// console box; pod chips that fade out when their pod is gone and never replay their
// animation when the cards are drawn again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consoleBox, nodesList as nodes, runInConsole, screenshotFromTop as save, start, outputText } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

async function open(options) {
  const opened = await ctx.open(options);
  if (options?.reducedMotion) await opened.page.emulateMedia({ reducedMotion: options.reducedMotion });
  await opened.page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(opened.page).waitFor();
  return opened;
}

const card = (page, name) => nodes(page).getByRole('listitem', { name, exact: true });
const player = (page) => page.getByRole('region', { name: 'Script', exact: true });
const PLAYER_BUTTONS = ['Next step', 'Run all', 'Stop', 'Close'];
/** A button of the page, or of the script player for the player's buttons. */
const button = (page, name) =>
  (PLAYER_BUTTONS.includes(name) ? player(page) : page).getByRole('button', { name, exact: true });
const status = (page) => player(page).locator('.script-status');
const current = (page) => player(page).locator('[aria-current=step]');
const entries = (page) => page.locator('.terminal .entry');

/** The last transcript entry: its command line and output. */
async function lastEntry(page) {
  const last = entries(page).last();
  return { command: await last.locator('.command').innerText(), output: (await outputText(last.locator('.output'))).trimEnd() };
}

const SCRIPT = `# A node, a label, and the nodes that have it
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Node
metadata:
  name: node-9
  labels:
    kubernetes.io/os: linux
EOF
kubectl label node node-9 disk=ssd
kubectl get nodes -l disk=ssd -o name`;

test('a pasted script is played step by step, each command in the transcript', async () => {
  const { page, log } = await open();
  await button(page, 'Pause').click();
  await consoleBox(page).fill(SCRIPT);
  await button(page, 'Step through').click();
  await player(page).waitFor();
  assert.equal(await consoleBox(page).inputValue(), '', 'the script moved into the player');
  assert.equal(await status(page).innerText(), 'Next: step 1 of 3 · 3 remaining');
  assert.match(await current(page).innerText(), /kubectl apply -f - <<'EOF'[\s\S]*\+6 lines of input/);
  const before = await entries(page).count();
  await save(page, 'script-loaded');

  await button(page, 'Next step').click();
  await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length === n + 1, before);
  assert.deepEqual(await lastEntry(page), { command: '$ kubectl apply -f -', output: 'node/node-9 created' });
  assert.equal(await status(page).innerText(), 'Next: step 2 of 3 · 2 remaining');
  assert.equal(await current(page).locator('code').innerText(), 'kubectl label node node-9 disk=ssd');
  await card(page, 'node-9').waitFor();
  await save(page, 'script-step-1');

  // Enter in the empty console plays the next step too.
  await consoleBox(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length === n + 2, before);
  assert.deepEqual(await lastEntry(page), {
    command: '$ kubectl label node node-9 disk=ssd',
    output: 'node/node-9 labeled',
  });
  assert.equal(await status(page).innerText(), 'Next: step 3 of 3 · 1 remaining');

  await button(page, 'Next step').click();
  await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length === n + 3, before);
  assert.deepEqual(await lastEntry(page), {
    command: '$ kubectl get nodes -l disk=ssd -o name',
    output: 'node/node-9',
  });
  assert.equal(await status(page).innerText(), 'Done: 3 of 3 commands run · 0 remaining');
  assert.equal(await button(page, 'Next step').isDisabled(), true);
  assert.equal(await button(page, 'Run all').isDisabled(), true);
  await save(page, 'script-done');
  await button(page, 'Close').click();
  await player(page).waitFor({ state: 'detached' });
  assert.deepEqual(log.errors, []);
});

test('Run all plays the rest of a script; Stop leaves the rest unrun', async () => {
  const { page } = await open();
  await button(page, 'Pause').click();
  await consoleBox(page).fill(SCRIPT);
  await button(page, 'Step through').click();
  await button(page, 'Next step').click();
  await page.waitForFunction(() => document.querySelector('.script-status')?.textContent.includes('2 remaining'));
  await button(page, 'Run all').click();
  await page.waitForFunction(() => document.querySelector('.script-status')?.textContent.includes('0 remaining'));
  assert.deepEqual(await lastEntry(page), {
    command: '$ kubectl get nodes -l disk=ssd -o name',
    output: 'node/node-9',
  });

  await consoleBox(page).fill('sim advance 1s\nsim advance 2s\nsim advance 3s');
  await button(page, 'Step through').click();
  await page.waitForFunction(() => document.querySelector('.script-status')?.textContent.includes('3 remaining'));
  await button(page, 'Next step').click();
  await page.waitForFunction(() => document.querySelector('.script-status')?.textContent.includes('2 remaining'));
  const count = await entries(page).count();
  await button(page, 'Stop').click();
  await player(page).waitFor({ state: 'detached' });
  await page.waitForTimeout(200);
  assert.equal(await entries(page).count(), count, 'nothing more ran');
  assert.equal((await lastEntry(page)).command, '$ sim advance 1s');
});

test('the console box takes several lines: Shift+Enter, here-documents, a script run at once', async () => {
  const { page, log } = await open();
  await button(page, 'Pause').click();
  await runInConsole(page, 'kubectl get nodes');

  // Shift+Enter starts a new line; an open here-document goes on at Enter, as in a shell.
  await consoleBox(page).fill('');
  await consoleBox(page).type('kubectl apply -f - <<EOF');
  await consoleBox(page).press('Enter');
  await consoleBox(page).type('apiVersion: v1\nkind: Node\nmetadata:\n  name: node-7\nEOF');
  await consoleBox(page).press('Shift+Enter');
  await consoleBox(page).type('kubectl get nodes node-7 -o name');
  assert.equal(
    await consoleBox(page).inputValue(),
    'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-7\nEOF\nkubectl get nodes node-7 -o name',
  );
  // Up and Down move within several lines, not through the history.
  await consoleBox(page).press('ArrowUp');
  assert.match(await consoleBox(page).inputValue(), /^kubectl apply/);
  await save(page, 'script-console-multiline');

  const before = await entries(page).count();
  await consoleBox(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length === n + 2, before);
  const commands = await page.locator('.terminal .entry .command').allInnerTexts();
  assert.deepEqual(commands.slice(-2), ['$ kubectl apply -f -', '$ kubectl get nodes node-7 -o name']);
  assert.equal((await lastEntry(page)).output, 'node/node-7');
  assert.equal(await consoleBox(page).inputValue(), '');
  // A script run at once leaves no player behind.
  assert.equal(await player(page).count(), 0);

  // The history holds one-line commands.
  await consoleBox(page).press('ArrowUp');
  assert.equal(await consoleBox(page).inputValue(), 'kubectl get nodes');

  // A script that does not read: a message naming the line, nothing run, the text kept.
  const bad = "sim advance 1s\nkubectl get pods 'node-1";
  await consoleBox(page).fill(bad);
  await consoleBox(page).press('Enter');
  const alert = page.locator('.console [role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /nothing ran: line 2: /);
  assert.equal(await consoleBox(page).inputValue(), bad);
  assert.equal(await entries(page).count(), before + 2);
  await save(page, 'script-console-error');
  assert.deepEqual(log.errors, []);
});

test('a preset opens step by step on an empty cluster', async () => {
  const { page } = await open();
  await page.getByRole('checkbox', { name: 'step by step' }).check();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('drain');
  await player(page).waitFor();
  assert.match(await status(page).innerText(), /Next: step 1 of 9 · 9 remaining/);
  assert.equal(await nodes(page).locator(':scope > li').count(), 0);
  await button(page, 'Next step').click();
  await card(page, 'node-2').waitFor();
  assert.match(await status(page).innerText(), /8 remaining/);
  await save(page, 'script-preset');
});

/** Pod chips of a card, with their classes and running animations. */
const chipsOf = (page, name) => page.evaluate((node) => [...document.querySelectorAll(`[aria-label="${node}"] .pod-chip`)].map((c) => ({
  name: c.querySelector('.pod-name').textContent,
  classes: c.className,
  // The animation the chip's style sets: none for a still chip, so moving it cannot replay one.
  styled: getComputedStyle(c).animationName,
  hidden: c.getAttribute('aria-hidden'),
  animations: c.getAnimations().map((a) => a.animationName),
})), name);

test('a pod gone after Terminating fades out, then its chip is gone', async () => {
  const { page, log } = await open();
  await button(page, 'Settle').click();
  await page.waitForFunction(() => document.querySelector('[aria-label="node-1"] .pod-chip.state-ready'));
  await button(page, 'Pause').click();
  await runInConsole(page, 'kubectl taint node node-1 dedicated=x:NoExecute');
  await page.waitForFunction(() => document.querySelector('[aria-label="node-1"] .pod-chip.state-terminating'));
  await save(page, 'script-pod-terminating');

  await runInConsole(page, 'sim advance 60s');
  const [leaving] = await chipsOf(page, 'node-1');
  assert.match(leaving.classes, /\bleaving\b/, JSON.stringify(leaving));
  assert.equal(leaving.hidden, 'true');
  assert.deepEqual(leaving.animations, ['leave']);
  await page.waitForSelector('[aria-label="node-1"] .pod-chip', { state: 'detached', timeout: 3000 });
  assert.match(await card(page, 'node-1').innerText(), /No pods/);
  assert.deepEqual(log.errors, []);
});

test('with reduced motion a pod gone goes at once and nothing animates', async () => {
  const { page } = await open({ reducedMotion: 'reduce' });
  await button(page, 'Settle').click();
  await page.waitForFunction(() => document.querySelector('[aria-label="node-1"] .pod-chip.state-ready'));
  await button(page, 'Pause').click();
  await runInConsole(page, 'kubectl taint node node-1 dedicated=x:NoExecute');
  await runInConsole(page, 'sim advance 60s');
  await page.waitForSelector('[aria-label="node-1"] .pod-chip', { state: 'detached', timeout: 1000 });
  const animated = await page.evaluate(() => [...document.querySelectorAll('.pod-chip')].filter((c) => c.getAnimations().length).length);
  assert.equal(animated, 0);
});

test('new chips animate once; re-sorted and redrawn cards do not replay it', async () => {
  const { page, log } = await open();
  await button(page, 'Settle').click();
  await page.waitForFunction(() => document.querySelectorAll('.pod-chip.state-ready').length === 3);
  await button(page, 'Pause').click();
  await page.waitForTimeout(900);
  // Mark today's chip elements: the same elements must still be there after the re-sort.
  const marked = await page.evaluate(() => {
    const chips = [...document.querySelectorAll('.pod-chip')];
    chips.forEach((c) => { c.dataset.marked = 'yes'; });
    return chips.map((c) => ({ entering: c.classList.contains('entering'), animations: c.getAnimations().length }));
  });
  assert.deepEqual(marked, Array(3).fill({ entering: false, animations: 0 }));

  // A node that sorts first, and one deleted: the cards move, the chips stay still.
  await runInConsole(page, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Node\nmetadata:\n  name: a-first\nEOF');
  await runInConsole(page, 'kubectl delete node control-plane');
  await page.waitForFunction(() => document.querySelector('[aria-label="a-first"] .pod-chip'));
  const names = await nodes(page).locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('aria-label')));
  assert.deepEqual(names, ['a-first', 'node-1', 'node-2']);
  for (const name of ['node-1', 'node-2']) {
    const chips = await chipsOf(page, name);
    assert.equal(chips.length, 1);
    assert.deepEqual(chips[0].animations, [], `${name}: ${JSON.stringify(chips)}`);
    assert.equal(chips[0].styled, 'none');
    assert.doesNotMatch(chips[0].classes, /entering/);
    assert.equal(await card(page, name).locator('.pod-chip[data-marked=yes]').count(), 1, `${name}: the same element`);
  }
  // The new node's pod is genuinely new: it animates in.
  const [fresh] = await chipsOf(page, 'a-first');
  assert.match(fresh.classes, /\bentering\b/);
  assert.deepEqual(fresh.animations, ['appear']);
  await save(page, 'script-resorted');
  assert.deepEqual(log.errors, []);
});

test('the script player at phone width, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await open({ colorScheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await button(page, 'Pause').click();
    await consoleBox(page).fill(SCRIPT);
    await button(page, 'Step through').click();
    await button(page, 'Next step').click();
    await page.waitForFunction(() => document.querySelector('.script-status')?.textContent.includes('2 remaining'));
    await consoleBox(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL(`./screenshots/script-phone-${colorScheme}.png`, import.meta.url).pathname });
    if (colorScheme === 'dark') {
      await page.setViewportSize({ width: 1024, height: 640 });
      await save(page, 'script-desktop-dark');
    }
  }
});

// The playground as a new user meets it: the default scenario, the editor, the console, the
// node cards and the clock. Every action shows up in the console as the command it ran.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot as save, start, answered } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

/** A full-page screenshot taken from the top (the clock bar sticks to the top of the view). */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

const NODES = ['control-plane', 'node-1', 'node-2'];

/** Opens the playground and waits for the node cards. */
async function open(options) {
  const opened = await ctx.open(options);
  await opened.page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(opened.page).waitFor();
  return opened;
}

const nodes = (page) => page.getByRole('list', { name: 'Nodes', exact: true });
const card = (page, name) => nodes(page).getByRole('listitem', { name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const manifest = (page) => page.getByRole('textbox', { name: 'Manifest', exact: true });
const consoleBox = (page) => page.getByRole('textbox', { name: 'Console', exact: true });
const transcript = (page) => page.getByRole('log', { name: 'Console transcript' });

/** Types a line into the console and runs it. */
async function run(page, line) {
  await consoleBox(page).fill(line);
  await consoleBox(page).press('Enter');
}

/** Waits until the card's text matches (or, with `not`, no longer matches) `pattern`. */
async function cardText(page, name, pattern, { not = false } = {}) {
  const locator = card(page, name);
  const deadline = Date.now() + 5000;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText();
    if (pattern.test(text) !== not) return text;
    await page.waitForTimeout(50);
  }
  assert.fail(`card ${name}: expected ${not ? 'no ' : ''}${pattern} in ${JSON.stringify(text)}`);
}

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
`;

test('the default scenario: three nodes, each with a fluentd pod within two seconds, Ready after Settle', async () => {
  const { page, log } = await open();
  const names = await nodes(page).locator(':scope > li').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  assert.deepEqual(names, NODES);
  // The clock plays from the start: the pods are there at once.
  for (const name of NODES) {
    await cardText(page, name, /fluentd-elasticsearch-\w{5}/);
  }
  assert.match(await card(page, 'control-plane').innerText(), /control-plane:NoSchedule/);
  assert.match(await button(page, 'Play').getAttribute('aria-pressed'), /true/);
  await screenshot(page, 'playground-start');

  await button(page, 'Settle').click();
  for (const name of NODES) {
    await cardText(page, name, /fluentd-elasticsearch-\w{5}\s+Ready/);
  }
  const transcriptText = await transcript(page).innerText();
  assert.match(transcriptText, /\$ kubectl apply -f -\n[\s\S]*node\/control-plane created/);
  assert.match(transcriptText, /daemonset\.apps\/fluentd-elasticsearch created/);
  assert.match(transcriptText, /\$ sim settle\nsettled at \d+s/);
  const status = page.getByRole('region', { name: 'DaemonSets' });
  assert.match(await status.innerText(), /kube-system\s+fluentd-elasticsearch\s+3\s+3\s+3\s+3\s+3/);
  assert.match(await status.innerText(), /3\/3 available/);
  assert.deepEqual(log.errors, []);
  await screenshot(page, 'playground-settled');
});

test('a DaemonSet pasted into the Manifest box and applied runs on every untainted node', async () => {
  const { page } = await open();
  await manifest(page).fill(AGENT);
  await button(page, 'Apply').click();
  await transcript(page).getByText('daemonset.apps/log-agent created').waitFor();
  await button(page, 'Settle').click();
  for (const name of ['node-1', 'node-2']) {
    await cardText(page, name, /log-agent-\w{5}\s+Ready/);
  }
  // No toleration for the control plane's taint: no pod there, and "Why?" says so.
  assert.doesNotMatch(await card(page, 'control-plane').innerText(), /log-agent-\w{5}/);
  // Its empty place asks "Why?".
  await card(page, 'control-plane').getByRole('button', { name: 'Why no default/log-agent pod on control-plane?' }).waitFor();
  await card(page, 'control-plane').getByRole('button', { name: 'control-plane', exact: true }).click();
  const why = page.getByRole('region', { name: 'Why?' });
  await why.getByText('default/log-agent').waitFor();
  assert.match(await why.innerText(), /node-role\.kubernetes\.io\/control-plane/);
  assert.equal(await manifest(page).inputValue(), AGENT);
  await screenshot(page, 'playground-applied');
});

test('a NoExecute taint typed in the Console evicts the pod of that node', async () => {
  const { page } = await open();
  await button(page, 'Settle').click();
  await cardText(page, 'node-1', /fluentd-elasticsearch-\w{5}\s+Ready/);
  await button(page, 'Pause').click();
  await run(page, 'kubectl taint node node-1 dedicated=x:NoExecute');
  await transcript(page).getByText('node/node-1 tainted').waitFor();
  assert.equal(await consoleBox(page).inputValue(), '', 'the prompt is cleared');
  await cardText(page, 'node-1', /dedicated=x:NoExecute/);
  await cardText(page, 'node-1', /Terminating/);
  await screenshot(page, 'playground-tainted');

  await button(page, 'Settle').click();
  await cardText(page, 'node-1', /fluentd-elasticsearch-\w{5}/, { not: true });
  await cardText(page, 'node-2', /fluentd-elasticsearch-\w{5}\s+Ready/);
  // Why? names the taint.
  await card(page, 'node-1').click();
  await page.getByRole('region', { name: 'Why?' }).getByText(/dedicated/).first().waitFor();

  // Up recalls the command.
  await consoleBox(page).press('ArrowUp');
  assert.equal(await consoleBox(page).inputValue(), 'kubectl taint node node-1 dedicated=x:NoExecute');
  await screenshot(page, 'playground-evicted');
});

test('a bad manifest shows the error by its line and keeps the text', async () => {
  const { page } = await open();
  const bad = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: bad\n spec: x\n  foo: [\n';
  await manifest(page).fill(bad);
  await manifest(page).press('Control+Enter');
  const alert = page.locator('#editor-error');
  await alert.getByText('Apply failed').waitFor();
  const message = await alert.innerText();
  assert.match(message, /error parsing STDIN/);
  const line = Number(message.match(/line (\d+)/)[1]);
  await alert.getByRole('button', { name: `Show line ${line}` }).click();
  assert.equal(await manifest(page).inputValue(), bad, 'the text is kept');
  assert.equal(await manifest(page).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.gutter .error-line').innerText(), String(line));
  // The caret went to that line.
  const selected = await manifest(page).evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.equal(selected, bad.split('\n')[line - 1]);
  assert.match(await transcript(page).innerText(), /error parsing STDIN/);
  await screenshot(page, 'playground-bad-manifest');

  // Fixing it clears the error.
  await manifest(page).fill(AGENT);
  await button(page, 'Apply').click();
  await transcript(page).getByText('daemonset.apps/log-agent created').waitFor();
  assert.equal(await alert.innerText(), '');
});

test('Add node adds node-3, which gets its pod', async () => {
  const { page } = await open();
  await button(page, 'Add node').click();
  await card(page, 'node-3').waitFor();
  await button(page, 'Settle').click();
  await cardText(page, 'node-3', /fluentd-elasticsearch-\w{5}\s+Ready/);
  assert.match(await transcript(page).innerText(), /node\/node-3 created/);
  // Several at once.
  await page.getByRole('spinbutton', { name: 'How many nodes to add' }).fill('2');
  await button(page, 'Add node').click();
  await card(page, 'node-5').waitFor();
  assert.match(await transcript(page).innerText(), /node\/node-4 created\nnode\/node-5 created/);
  await screenshot(page, 'playground-added');
});

test('node operations run their commands and show on the card', async () => {
  const { page } = await open();
  const node2 = card(page, 'node-2');
  await node2.getByRole('button', { name: 'Cordon node-2' }).click();
  await cardText(page, 'node-2', /SchedulingDisabled/);
  // Focus stays on the button, now Uncordon.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Uncordon node-2');
  await node2.getByRole('button', { name: 'Not ready node-2' }).click();
  await cardText(page, 'node-2', /NotReady/);
  await node2.getByText('Label / taint').click();
  await node2.getByRole('textbox', { name: 'Label for node-2' }).fill('disk=ssd');
  await node2.getByRole('button', { name: 'Label node-2' }).click();
  await cardText(page, 'node-2', /disk=ssd/);
  await node2.getByRole('textbox', { name: 'Taint for node-2' }).fill('gpu=true');
  await node2.getByRole('combobox', { name: 'Taint effect for node-2' }).selectOption('PreferNoSchedule');
  await node2.getByRole('button', { name: 'Taint node-2' }).click();
  await cardText(page, 'node-2', /gpu=true:PreferNoSchedule/);
  await node2.getByRole('button', { name: 'Drain node-2' }).click();
  await answered(page);
  const text = await transcript(page).innerText();
  for (const command of [
    'kubectl cordon node-2',
    'sim node node-2 not-ready',
    'kubectl label node node-2 disk=ssd',
    'kubectl taint node node-2 gpu=true:PreferNoSchedule',
    'kubectl drain node-2 --ignore-daemonsets',
  ]) {
    assert.ok(text.includes(`$ ${command}`), `${command} in ${text}`);
  }
  await screenshot(page, 'playground-node-ops');
  await node2.getByRole('button', { name: 'Remove taint gpu=true:PreferNoSchedule' }).click();
  await cardText(page, 'node-2', /gpu=true/, { not: true });
  await card(page, 'node-1').getByRole('button', { name: 'Delete node-1' }).click();
  await card(page, 'node-1').waitFor({ state: 'detached' });
  assert.match(await transcript(page).innerText(), /\$ kubectl delete node node-1\nnode "node-1" deleted/);
});

test('the clock: Pause stops time, Step advances one second, speed and Play move it on', async () => {
  const { page } = await open();
  const time = page.getByRole('region', { name: 'Clock' }).locator('.time');
  await button(page, 'Pause').click();
  await answered(page);
  const seconds = async () => {
    const text = await time.innerText();
    const m = text.match(/t = (?:(\d+)m)?([\d.]+)s/);
    assert.ok(m, text);
    return Number(m[1] ?? 0) * 60 + Number(m[2]);
  };
  const paused = await seconds();
  await page.waitForTimeout(400);
  assert.equal(await seconds(), paused);
  await button(page, 'Step').click();
  await answered(page);
  assert.equal(await seconds(), paused + 1);
  assert.match(await transcript(page).innerText(), /\$ sim advance 1s/);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await button(page, 'Play').click();
  await page.waitForTimeout(500);
  assert.ok((await seconds()) >= paused + 10, 'at 100x, half a second is more than ten');
  // Ticks are not echoed.
  assert.doesNotMatch(await transcript(page).innerText(), /sim advance \d+ms/);
});

test('at phone width the canvas comes above the editor', async () => {
  const { page, log } = await open();
  await page.setViewportSize({ width: 390, height: 844 });
  const list = await nodes(page).boundingBox();
  // The frame around the text (the text itself is as wide as its longest line, and scrolls).
  const editor = await page.locator('.editor-frame').boundingBox();
  assert.ok(list.y + list.height <= editor.y, 'nodes above the editor');
  assert.ok(editor.x >= 0 && editor.x + editor.width <= 390, JSON.stringify(editor));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `no sideways scrolling (${overflow}px)`);
  assert.deepEqual(log.errors, []);
  await screenshot(page, 'playground-phone');
});

test('dark theme', async () => {
  const { page } = await open({ colorScheme: 'dark' });
  await button(page, 'Settle').click();
  await cardText(page, 'node-1', /Ready/);
  await screenshot(page, 'playground-dark');
});

test('a changed template rolls out node by node, and the events tell the story', async () => {
  const { page } = await open();
  await button(page, 'Settle').click();
  for (const name of NODES) await cardText(page, name, /Ready\s+rev 1/);
  await button(page, 'Pause').click();
  const text = await manifest(page).inputValue();
  await manifest(page).fill(text.replace('fluentd:v2.5.2', 'fluentd:v2.6.0'));
  await button(page, 'Apply').click();
  await transcript(page).getByText('daemonset.apps/fluentd-elasticsearch configured').waitFor();
  // maxUnavailable 1: one node at a time.
  const chips = page.locator('.pod-chip');
  const states = async () => (await chips.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  let now = await states();
  assert.equal(now.filter((t) => /Terminating/.test(t)).length, 1, JSON.stringify(now));
  assert.equal(now.filter((t) => /Ready rev 1/.test(t)).length, 2, JSON.stringify(now));
  await screenshot(page, 'playground-rollout');
  await button(page, 'Step').click();
  await button(page, 'Step').click();
  now = await states();
  assert.ok(now.some((t) => /rev 2/.test(t)), JSON.stringify(now));
  await button(page, 'Settle').click();
  for (const name of NODES) await cardText(page, name, /Ready\s+rev 2/);
  const status = page.getByRole('region', { name: 'DaemonSets' });
  assert.match(await status.innerText(), /3\/3 up to date/);

  const events = page.getByRole('region', { name: 'Events' });
  await events.getByRole('searchbox', { name: 'Filter events by object' }).fill('daemonset/');
  const rows = events.locator('tbody tr');
  // The filter applies with the table's next render: read the rows once it has (a read right
  // after the fill caught the table half drawn, under load).
  for (let i = 0; i < 50; i++) {
    const shown = await rows.allInnerTexts();
    if (shown.length > 0 && shown.every((t) => t.includes('daemonset/'))) break;
    await page.waitForTimeout(100);
  }
  const texts = await rows.allInnerTexts();
  assert.ok(texts.length > 0);
  assert.ok(texts.every((t) => t.includes('daemonset/fluentd-elasticsearch')), JSON.stringify(texts));
  assert.ok(texts.some((t) => /SuccessfulDelete/.test(t)), JSON.stringify(texts));
  await screenshot(page, 'playground-rolled-out');
});

test('keyboard: Tab reaches the controls, Enter selects a node for Why?', async () => {
  const { page } = await open();
  const nameButton = card(page, 'node-2').getByRole('button', { name: 'node-2', exact: true });
  await nameButton.focus();
  await page.keyboard.press('Enter');
  await answered(page);
  assert.equal(await nameButton.getAttribute('aria-pressed'), 'true');
  await page.getByRole('region', { name: 'Why?' }).getByText('kube-system/fluentd-elasticsearch').waitFor();
  // The focus ring is visible.
  const outline = await nameButton.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  await screenshot(page, 'playground-keyboard');
});

/** Fills the events table (its limit is 200 rows): 60 nodes more and their pods' events. */
async function fillEvents(page) {
  await page.getByRole('spinbutton', { name: 'How many nodes' }).fill('60');
  await page.getByRole('spinbutton', { name: 'How many nodes' }).dispatchEvent('change');
  await button(page, 'Add node').click();
  await nodes(page).getByRole('listitem', { name: 'node-62', exact: true }).waitFor();
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).last().waitFor();
  await page.waitForFunction(() => document.querySelector('.events-table')?.getAttribute('aria-rowcount') === '201');
}

/** The newest rows the events table draws while the older ones are out of view. */
const NEWEST = 30;

// Issue 22: a change of the timeline updates the table's rows where they changed. Its rows were
// set again by position: with the table full (200 rows), every new event dropped the oldest row
// and rewrote the text of all 200 (several times a second during a big Settle).
test('the events table keeps its rows when events are added and the oldest dropped', async () => {
  const { page } = await open();
  const rows = page.getByRole('region', { name: 'Events' }).locator('tbody tr');
  await rows.first().waitFor();
  await fillEvents(page);
  await page.evaluate(() => {
    window.__rows = [...document.querySelectorAll('.events-table tbody tr')].map((tr) => [tr, tr.innerText]);
  });
  // One node more: its pod's events come at the end, and as many of the oldest go.
  await page.getByRole('spinbutton', { name: 'How many nodes' }).fill('1');
  await page.getByRole('spinbutton', { name: 'How many nodes' }).dispatchEvent('change');
  await button(page, 'Add node').click();
  await nodes(page).getByRole('listitem', { name: 'node-63', exact: true }).waitFor();
  await button(page, 'Settle').click();
  await transcript(page).getByText(/settled at/).nth(1).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.events-table tbody tr')].some((tr) => tr.innerText.includes('node-63')));
  const seen = await page.evaluate(() => {
    const now = [...document.querySelectorAll('.events-table tbody tr')];
    const kept = window.__rows.filter(([tr]) => tr.isConnected);
    return {
      rows: now.length,
      kept: kept.length,
      same: kept.filter(([tr, text]) => tr.innerText === text).length,
      gone: window.__rows.length - kept.length,
      cells: now.every((tr) => tr.children.length === 5),
      indices: now.map((tr) => Number(tr.getAttribute('aria-rowindex'))),
    };
  });
  assert.equal(seen.rows, NEWEST, JSON.stringify(seen));
  assert.ok(seen.gone > 0, `the oldest rows went: ${JSON.stringify(seen)}`);
  assert.ok(seen.same >= NEWEST - 10 - seen.gone, `the rows that stay show what they showed: ${JSON.stringify(seen)}`);
  assert.ok(seen.cells, JSON.stringify(seen));
  // The newest rows of 200, after the heading's row.
  assert.deepEqual(seen.indices, Array.from({ length: NEWEST }, (_, i) => 202 - NEWEST + i), JSON.stringify(seen));
  // What a row says, as before: when, type, reason, object, message.
  const last = await rows.last().innerText();
  assert.match(last, /\tNormal\t\w+\tpod\/\S+\t\S/, last);
});

// Issue 20: with 200 events the table draws the newest 30 (the view holds about 12), keeps the
// older rows' space, and draws them when the scroller comes near them. During a Settle of
// 10,000 nodes all 200 rows show new events several times a second, and laying out the rows
// nobody saw was about 10 MB of the tab's peak.
test('the events table draws its older rows when scrolled to them', async () => {
  const { page } = await open();
  await fillEvents(page);
  const scroller = page.locator('.events-scroll');
  const read = () =>
    scroller.evaluate((el) => ({
      rows: el.querySelectorAll('tbody tr').length,
      height: el.scrollHeight,
      atEnd: Math.abs(el.scrollTop + el.clientHeight - el.scrollHeight) <= 1,
      first: el.querySelector('tbody tr')?.getAttribute('aria-rowindex'),
      count: el.querySelector('table').getAttribute('aria-rowcount'),
    }));
  // The newest event in view, as before.
  await page.waitForFunction(() => {
    const el = document.querySelector('.events-scroll');
    return Math.abs(el.scrollTop + el.clientHeight - el.scrollHeight) <= 1;
  });
  const newest = await read();
  assert.equal(newest.rows, NEWEST, JSON.stringify(newest));
  assert.equal(newest.count, '201', JSON.stringify(newest));
  assert.equal(newest.first, String(202 - NEWEST), JSON.stringify(newest));
  assert.ok(newest.atEnd, JSON.stringify(newest));
  // A little up: still among the newest rows.
  await scroller.evaluate((el) => el.scrollBy(0, -40));
  // Its scroll event comes with the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal((await read()).rows, NEWEST);
  // To the top: every row drawn. Their space was kept, at the newest rows' height a row (the
  // older rows' messages may wrap: an estimate; the 30 rows alone are 15% of the height).
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelectorAll('.events-table tbody tr').length === 200);
  const all = await read();
  assert.equal(all.first, '2', JSON.stringify(all));
  assert.ok(newest.height > all.height * 0.5, `${JSON.stringify(newest)} ${JSON.stringify(all)}`);
  const texts = await page.locator('.events-table tbody tr').allInnerTexts();
  assert.ok(texts.every((t) => /\t(Normal|Warning)\t/.test(t)), JSON.stringify(texts.slice(0, 3)));
});

// The first usable render (issue 22): what the page builds before the scenario's node cards.
// The panels below the first screen (the status table, "Why?", the console, the events) are
// built once the first scenario has been shown, not at mount. The model's worker is held back
// (page.route on its script) to look at the mounted page before its first answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answered, consoleBox, nodesList, start } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

/** Holds the model's worker script until `release()` is called. */
async function holdWorker(page) {
  let release;
  const released = new Promise((done) => {
    release = done;
  });
  await page.route(/\/worker_loader-[0-9a-f]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A link to the default scenario, as the Share panel gives it. */
async function defaultLink() {
  const { page } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(ctx.server.url);
  await nodesList(page).locator('li').first().waitFor();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#share-panel input')?.value.includes('#v1:'));
  const link = await page.locator('#share-panel input[aria-label="Link"]').inputValue();
  await page.close();
  return link;
}

test('the panels below the first screen are built once the first scenario is shown', async () => {
  // Through a link: the default preset's first answer is built into the page, so without the
  // worker only a link (or a lesson, or the autosave) leaves the mounted page without one.
  const link = await defaultLink();
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWorker(page);
  await page.goto(link, { waitUntil: 'domcontentloaded' });
  // The app mounted (its <main> replaced the shell's) while the worker is held: no answer yet.
  await page.locator('main#main').waitFor();
  await page.getByRole('heading', { name: 'Manifest' }).waitFor();
  for (const name of ['DaemonSets', 'Why?', 'Events']) {
    assert.equal(await page.getByRole('heading', { name, exact: true }).count(), 0, `${name} not built yet`);
  }
  assert.equal(await consoleBox(page).count(), 0, 'the console is not built yet');
  release();
  await nodesList(page).locator('li').first().waitFor();
  for (const name of ['DaemonSets', 'Why?', 'Events']) {
    await page.getByRole('heading', { name, exact: true }).waitFor();
  }
  await consoleBox(page).waitFor();
  // What they show was kept for them: the preset's DaemonSet, its events, the transcript.
  await page.locator('.ds-table').filter({ hasText: 'fluentd-elasticsearch' }).waitFor();
  await page.locator('.events-table tbody tr').first().waitFor();
  assert.deepEqual(log.errors, []);
});

test("a node card's Label / taint / pressure is built when first opened, and keeps what was typed", async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(ctx.server.url);
  const card = nodesList(page).locator('li[aria-label="node-1"]');
  await card.waitFor();
  const label = card.getByRole('textbox', { name: 'Label for node-1' });
  // Folded, its forms are not in the page at all (before, they were built hidden).
  assert.equal(await card.locator('details.node-edit form').count(), 0);
  await card.getByText('Label / taint / pressure').click();
  await label.fill('disk=ssd');
  await card.getByText('Label / taint / pressure').click();
  await card.getByText('Label / taint / pressure').click();
  assert.equal(await label.inputValue(), 'disk=ssd');
  assert.deepEqual(log.errors, []);
});

test("the Share panel's content is built when it is first opened, and kept when closed", async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(ctx.server.url);
  await nodesList(page).locator('li').first().waitFor();
  assert.equal(await page.locator('#share-panel input, #share-panel textarea').count(), 0);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.click();
  const link = page.locator('#share-panel input[aria-label="Link"]');
  await page.waitForFunction(() => document.querySelector('#share-panel input')?.value.includes('#v1:'));
  await share.click();
  assert.equal(await link.count(), 1, 'closed, the panel keeps its content (hidden)');
  assert.equal(await link.isVisible(), false);
  assert.deepEqual(log.errors, []);
});

test("the default preset's first answer is the one built into the site, posted before the worker's own open, which finds it the same", async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  await page.goto(ctx.server.url);
  await nodesList(page).locator('li').first().waitFor();
  const marks = async () => {
    for (const worker of page.workers()) {
      const seen = await worker
        .evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])))
        .catch(() => null);
      if (seen?.['dsplay-worker:start'] != null) return seen;
    }
    return {};
  };
  // The worker's own open of the preset is done (and would have panicked on another answer).
  let seen = {};
  for (let i = 0; i < 100 && seen['dsplay-worker:preopen-checked'] == null; i++) {
    seen = await marks();
    if (seen['dsplay-worker:preopen-checked'] == null) await page.waitForTimeout(50);
  }
  const posted = seen['dsplay-worker:preopen-answered'];
  const checked = seen['dsplay-worker:preopen-checked'];
  assert.ok(posted != null && checked != null, `the worker's marks: ${JSON.stringify(seen)}`);
  assert.ok(posted < checked, `posted at ${posted} ms, its own open done at ${checked} ms`);
  // The page goes on with the worker's state: an Apply answers as ever.
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.locator('.pod-chip').first().waitFor();
  assert.equal(await page.locator('.panic-panel, [role="alertdialog"]').count(), 0);
  assert.deepEqual(log.errors, []);
});

test("the default preset's nodes are drawn from the answer built into the page, before the worker's module has started", async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWorker(page);
  await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
  // The worker's script is held: none of the model's code runs, yet the preset's nodes are drawn.
  await nodesList(page).locator('li').first().waitFor();
  const names = () => nodesList(page).evaluate((list) => [...list.children].map((card) => card.getAttribute('aria-label')));
  const before = await names();
  assert.deepEqual(before, ['control-plane', 'node-1', 'node-2']);
  assert.ok((await page.locator('.pod-chip').count()) > 0, "the preset's pods are on their nodes");
  // The editor holds the shell's text (the English welcome over the preset), not the preset's
  // own header: the answer built into the page opened the preset under that welcome.
  const editor = page.locator('#editor textarea[aria-label="Manifest"]');
  const welcome = await editor.inputValue();
  assert.match(welcome, /^# fluentd, a log collector/);
  assert.doesNotMatch(welcome, /from the Kubernetes documentation/);
  // What the reader does meanwhile waits for the worker, which then answers it.
  const time = () => page.locator('.clock .time').innerText();
  const shown = await time();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await time(), shown, 'nothing answers without the worker');
  release();
  await answered(page);
  assert.notEqual(await time(), shown, 'the Step was answered');
  // The worker's own copy of that answer is not applied a second time.
  assert.deepEqual(await names(), before);
  assert.equal(await editor.inputValue(), welcome, 'the editor kept the welcome');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await answered(page);
  assert.deepEqual(await names(), before);
  assert.equal(await page.locator('.panic-panel, [role="alertdialog"]').count(), 0);
  assert.deepEqual(log.errors, []);
});

test('a playing clock does not jump over the time the worker took to start: its ticks wait for the model, one at a time', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
  const release = await holdWorker(page);
  await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
  await nodesList(page).locator('li').first().waitFor();
  const seconds = async () => Number((await page.locator('.clock .time').innerText()).match(/t = ([\d.]+)s/)[1]);
  assert.equal(await seconds(), 0);
  // Three seconds of a playing clock (1×) with no model: queued, those ticks would all run
  // the moment it starts, and the pods shown ContainerCreating would be Ready at once.
  await page.waitForTimeout(3000);
  release();
  await page.locator('.clock .time').filter({ hasNotText: 't = 0s' }).waitFor();
  const first = await seconds();
  assert.ok(first < 1, `the first tick advanced the clock to ${first} s, not by the wait`);
  // Step holds the playing clock, as the intro says ("Pause and Step hold it"), one second on.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await answered(page);
  assert.equal(await page.getByRole('button', { name: 'Pause', exact: true }).getAttribute('aria-pressed'), 'true');
  const held = await seconds();
  await page.waitForTimeout(600);
  assert.equal(await seconds(), held, 'the clock stays where Step left it');
  assert.deepEqual(log.errors, []);
});

/** Holds the page's own WebAssembly until `release()`; `held` resolves once it was asked for. */
async function holdPageModule(page) {
  let release;
  let asked;
  const released = new Promise((done) => {
    release = done;
  });
  const held = new Promise((done) => {
    asked = done;
  });
  await page.route(/\/daemonset-playground-[0-9a-f]+_bg\.wasm$/, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { held, release };
}

/** Counts the requests of the model's worker script (the page's and the worker's own). */
async function countWorkerRequests(page) {
  const seen = { count: 0 };
  await page.route(/\/worker_loader-[0-9a-f]+\.js$/, async (route) => {
    seen.count += 1;
    await route.continue();
  });
  return seen;
}

test("the default preset's page starts the model's worker only once its own module is instantiated; a link starts it at once", async () => {
  // Issue 22: the default preset's first answer is built into the page, so its first render
  // needs no worker, whose module (twice the page's) would download and compile beside the
  // page's on the same cores.
  const link = await defaultLink();
  {
    const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
    const workerScript = await countWorkerRequests(page);
    const { held, release } = await holdPageModule(page);
    await page.goto(ctx.server.url, { waitUntil: 'domcontentloaded' });
    await held;
    // index.html's scripts have run and the page's module is on its way: no worker yet.
    await page.waitForTimeout(500);
    assert.equal(workerScript.count, 0, 'the worker script was requested before the page module arrived');
    assert.equal(await page.locator('main#main').count(), 0, 'the app has not mounted');
    release();
    await nodesList(page).locator('li').first().waitFor();
    // The page started it: the reader's first action is answered.
    const time = () => page.locator('.clock .time').innerText();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await answered(page);
    const shown = await time();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await answered(page);
    assert.notEqual(await time(), shown, 'the Step was answered');
    assert.equal(workerScript.count, 1, 'one worker, started by the page');
    assert.equal(await page.locator('.panic-panel, [role="alertdialog"]').count(), 0);
    assert.deepEqual(log.errors, []);
  }
  {
    // A link opens what the page cannot know before the worker answers: started at once.
    const { page, log } = await ctx.open({ viewport: { width: 1280, height: 800 } });
    const workerScript = await countWorkerRequests(page);
    const { held, release } = await holdPageModule(page);
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await held;
    for (let i = 0; i < 100 && workerScript.count === 0; i++) await page.waitForTimeout(50);
    assert.equal(workerScript.count, 1, "the worker script was requested while the page's module was held");
    release();
    await nodesList(page).locator('li').first().waitFor();
    assert.deepEqual(log.errors, []);
  }
});

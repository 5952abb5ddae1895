// Links, autosave and presets: a link opened in a fresh browser restores the same cluster; a
// damaged link shows a message over a working page; a reload or a later visit restores the work.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { consoleBox, foreign, nodesList as nodes, pasteManifest, runInConsole as run, screenshotFromTop as screenshot, settledLink, start, answered } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());


const alert = (page) => page.getByRole('alert');

async function goto(page, url) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await nodes(page).waitFor();
}


test('a link opened in a fresh browser restores the same cluster', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-1 disk=ssd');
  await run(page, 'kubectl taint node node-2 dedicated=db:NoExecute');
  await run(page, 'sim advance 3s');
  const pods = await run(page, 'kubectl get pods -A -o wide');
  const labels = await run(page, 'kubectl get nodes --show-labels');
  const link = await settledLink(page);

  const fresh = await ctx.open();
  await goto(fresh.page, link);
  assert.equal(await run(fresh.page, 'kubectl get pods -A -o wide'), pods);
  assert.equal(await run(fresh.page, 'kubectl get nodes --show-labels'), labels);
  assert.equal(await fresh.page.locator('.clock .time').innerText(), await page.locator('.clock .time').innerText());
  assert.equal(await alert(fresh.page).count(), 0);
  assert.deepEqual([...log.errors, ...fresh.log.errors], []);
  assert.deepEqual(foreign(fresh.log.requests, ctx.server.origin), []);
  await screenshot(fresh.page, 'share-restored');
});

test('a tampered, truncated, foreign or huge link shows a message and a working page', async () => {
  const { page } = await ctx.open();
  await goto(page, ctx.server.url);
  const good = await settledLink(page);
  const body = good.split('#v1:')[1];
  const bad = {
    truncated: `#v1:${body.slice(0, body.length / 2)}`,
    tampered: `#v1:${body.slice(0, 10)}!!${body.slice(12)}`,
    newer: '#v9:abc',
    json: '#j1:eyJzY3JpcHQiOjV9',
    huge: `#v1:${'A'.repeat(1 << 20)}`,
  };
  for (const [name, fragment] of Object.entries(bad)) {
    const opened = await ctx.open();
    const started = Date.now();
    await goto(opened.page, ctx.server.url + fragment);
    await alert(opened.page).waitFor();
    const text = await alert(opened.page).innerText();
    assert.match(text, /This link could not be opened\..+default scenario is open instead/s, name);
    // It answers (the wait above); how fast is for the benchmarks, not a timed test.
    console.log(`${name}: answered in ${Date.now() - started} ms`);
    // The page works: the default scenario, and the console answers.
    assert.match(await run(opened.page, 'kubectl get nodes'), /node-1/);
    assert.deepEqual(opened.log.errors, [], name);
    if (name === 'tampered') await screenshot(opened.page, 'share-bad-link');
    await opened.page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await alert(opened.page).count(), 0);
  }
});

test('a reload, and a later visit without the link, restore the work', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await run(page, 'kubectl label node node-2 tier=gold');
  const link = await settledLink(page);
  await page.reload({ waitUntil: 'networkidle' });
  await nodes(page).waitFor();
  assert.match(await run(page, 'kubectl get nodes --show-labels'), /tier=gold/);
  // Same browser, the bare address: the autosave.
  await settledLink(page);
  const later = page;
  await goto(later, ctx.server.url);
  assert.match(await run(later, 'kubectl get nodes --show-labels'), /tier=gold/);
  assert.equal(await alert(later).count(), 0);
  assert.ok(link.includes('#v1:'));
  assert.deepEqual(log.errors, []);
});

test('a corrupt autosave falls back to the one before, with a message', async () => {
  const { page } = await ctx.open();
  await goto(page, ctx.server.url);
  await run(page, 'kubectl cordon node-1');
  await settledLink(page);
  // Off the app (its autosave runs each second), on a plain file of the same origin.
  await page.goto(`${ctx.server.url}embed.js`);
  await page.evaluate(() => {
    const good = localStorage.getItem('dsplay:autosave');
    localStorage.setItem('dsplay:autosave:before', good);
    localStorage.setItem('dsplay:autosave', good.slice(0, good.length - 20));
  });
  const later = page;
  await goto(later, ctx.server.url);
  assert.match(await alert(later).innerText(), /autosave could not be read.+autosaved work is open/s);
  assert.match(await run(later, 'kubectl get nodes'), /node-1\s+Ready,SchedulingDisabled/);
});

test('Back at once after a preset opened (before the next once-a-second sync) returns to the work before', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-1 mine=yes');
  await settledLink(page);
  // Every interval timer stopped (the once-a-second sync among them): the only writes to the
  // address are the preset's own, as when Back comes within that second.
  await page.evaluate(() => {
    const last = setInterval(() => {}, 1e6);
    for (let id = 0; id <= last; id++) clearInterval(id);
  });
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('rolling-update');
  await nodes(page).getByRole('listitem', { name: 'node-4', exact: true }).waitFor();
  await page.goBack();
  await nodes(page).getByRole('listitem', { name: 'node-4', exact: true }).waitFor({ state: 'detached' });
  assert.match(await run(page, 'kubectl get nodes --show-labels'), /mine=yes/);
  assert.deepEqual(log.errors, []);
});

test('a preset of the gallery opens, and Back returns to the work before', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await run(page, 'kubectl label node node-1 mine=yes');
  await settledLink(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('rolling-update');
  await nodes(page).getByRole('listitem', { name: 'node-4', exact: true }).waitFor();
  assert.match(await page.getByRole('textbox', { name: 'Manifest', exact: true }).inputValue(), /nginx:1\.27/);
  await page.goBack();
  await nodes(page).getByRole('listitem', { name: 'control-plane', exact: true }).waitFor();
  assert.match(await run(page, 'kubectl get nodes --show-labels'), /mine=yes/);
  // The Share panel: the link and the iframe snippet.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await answered(page);
  const shared = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  assert.match(shared, /\/daemonset-playground\/#v1:/);
  assert.match(await page.getByRole('textbox', { name: 'Embed snippet' }).inputValue(), /<iframe src=".*\?embed=1#v1:/);
  await screenshot(page, 'share-panel');
  assert.deepEqual(log.errors, []);
});

test('a link that stopped the page while opening is not replayed again', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  // Paused, so that no later save rewrites the link between the mark below and the reload (a
  // playing clock saves every second, a frame after the model's answer).
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-1 crash=maybe');
  await settledLink(page);
  // What a panic while replaying leaves behind: the mark set before opening, never removed.
  await page.evaluate(() => sessionStorage.setItem('dsplay:opening', location.hash.slice(1)));
  await page.reload({ waitUntil: 'networkidle' });
  await nodes(page).waitFor();
  assert.match(await alert(page).innerText(), /stopped the page the last time/);
  assert.match(await run(page, 'kubectl get nodes'), /node-1/);
  assert.deepEqual(log.errors, []);
});

// Issue 24 item 4: two tabs of one browser. Tab A saving twice used to push tab B's newest
// save out of the two autosave slots; now each tab keeps its own, a reload opens the tab's own
// work, and the page says when another tab is open and which work a new tab opened.
test('two tabs keep their own autosaves, and say so', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 640 } });
  try {
    // Paused, so that only the changes below save (a playing clock saves every second).
    const pause = (page) => page.getByRole('button', { name: 'Pause', exact: true }).click();
    const a = await context.newPage();
    await goto(a, ctx.server.url);
    await pause(a);
    await run(a, 'kubectl label node node-1 tab=a');
    await settledLink(a);
    const b = await context.newPage();
    await goto(b, ctx.server.url);
    await pause(b);
    await run(b, 'kubectl label node node-2 tab=b');
    await settledLink(b);
    // A hears B's save.
    await alert(a).filter({ hasText: 'open in another tab too' }).waitFor();
    // A saves twice more: B's work has left the two shared slots.
    await run(a, 'kubectl label node node-1 more=1');
    await settledLink(a);
    await run(a, 'kubectl label node node-1 more=2 --overwrite');
    await settledLink(a);
    // B's reload opens B's own work.
    await b.reload({ waitUntil: 'networkidle' });
    await nodes(b).waitFor();
    assert.match(await run(b, 'kubectl get nodes --show-labels'), /node-2\s.*tab=b/);
    await settledLink(b);
    // A third tab opens the work saved last, and says the other tab's is kept too.
    const c = await context.newPage();
    await goto(c, ctx.server.url);
    assert.match(await alert(c).innerText(), /opened the work saved last; the autosaved work of 1 other tab\(s\) is kept too/);
    assert.match(await run(c, 'kubectl get nodes --show-labels'), /node-2\s.*tab=b/);
    await screenshot(c, 'share-third-tab');
  } finally {
    await context.close();
  }
});

// Issue 22: the texts of the downloads come from the model as a reply (it may run in a worker),
// and are saved as a Blob: the files hold the scenario's script and the cluster's objects.
test('Download scenario and Download YAML save the script and the objects', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-1 disk=ssd');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const save = async (name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name, exact: true }).click(),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return [download.suggestedFilename(), Buffer.concat(chunks).toString('utf8')];
  };
  const [scriptName, script] = await save('Download scenario');
  assert.equal(scriptName, 'scenario.dsplay.txt');
  assert.match(script, /^# DaemonSet Playground scenario: dsplay run FILE\n/);
  assert.match(script, /^kubectl label node node-1 disk=ssd$/m);
  const [yamlName, yaml] = await save('Download YAML');
  assert.equal(yamlName, 'objects.yaml');
  assert.match(yaml, /^  kind: DaemonSet$/m);
  assert.match(yaml, /disk: ssd/);
  assert.deepEqual(log.errors, []);
});

// Issue 22: the console's history is the page's, not the model's: opening other work (a preset
// of the gallery) keeps it, and Up walks back to the commands typed before.
test('the console history stays when a preset opens', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  await run(page, 'kubectl get nodes');
  await run(page, 'kubectl get ds -A');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('rolling-update');
  await nodes(page).getByRole('listitem', { name: 'node-4', exact: true }).waitFor();
  await consoleBox(page).press('ArrowUp');
  assert.equal(await consoleBox(page).inputValue(), 'kubectl get ds -A');
  await consoleBox(page).press('ArrowUp');
  assert.equal(await consoleBox(page).inputValue(), 'kubectl get nodes');
  await consoleBox(page).press('ArrowDown');
  await consoleBox(page).press('ArrowDown');
  assert.equal(await consoleBox(page).inputValue(), '');
  assert.deepEqual(log.errors, []);
});

test('a work too large for a link says so, and the link and the autosave keep the work before', async () => {
  const { page, log } = await ctx.open();
  await goto(page, ctx.server.url);
  // Paused: the playing clock would change the work (and its link) between here and the paste.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-2 tier=gold');
  const before = await settledLink(page);
  // 1 MB of random hex deflates to about half: a link of ~700,000 characters, over the 262,144
  // a link may have.
  const lines = [];
  for (let i = 0; i < 16_000; i++) lines.push(`# ${randomBytes(32).toString('hex')}`);
  await pasteManifest(page, `${lines.join('\n')}\n`);
  await alert(page).getByText(/too large for a link \(\d+ characters; a playground link holds at most 262144\)/).waitFor();
  await screenshot(page, 'share-too-large');
  // Share offers no link that would not open (nor an embed of it), says why, and still offers
  // the download that keeps all of the work.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.locator('#share-panel');
  await panel.getByRole('status').getByText(/too large for a link \(\d+ characters; a playground link holds at most 262144\)/).waitFor();
  assert.equal(await panel.getByRole('textbox', { name: 'Link' }).isVisible(), false);
  assert.equal(await panel.getByRole('button', { name: 'Copy link' }).isVisible(), false);
  assert.equal(await panel.getByRole('textbox', { name: 'Embed snippet' }).isVisible(), false);
  assert.ok(await panel.getByRole('link', { name: 'Download scenario', exact: true }).isVisible());
  await screenshot(page, 'share-panel-too-large');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  assert.equal(new URL(page.url()).hash, new URL(before).hash, 'the address bar keeps the link that opens');
  const saved = await page.evaluate(() => localStorage.getItem('dsplay:autosave'));
  assert.ok(saved.length <= 262_144, `the autosave keeps a link that opens (${saved.length})`);
  // The bare address opens the autosave: the work before the paste.
  await goto(page, ctx.server.url);
  assert.match(await run(page, 'kubectl get nodes --show-labels'), /tier=gold/);
  assert.equal(await alert(page).count(), 0);
  assert.deepEqual(log.errors, []);
});

// Issue 22: `history.replaceState` has Chromium lay out the page, so the sync writes the link in
// a task of its own after a frame, never in the task of the model's answer that gave it (there
// it laid out at once everything that answer had changed: 110-220 ms at 10,000 nodes).
// The probe's flag is set by an answer and cleared as the next timer or frame callback starts (a
// clearing timer of the answer's own raced: a write timer queued before an answer that came
// meanwhile ran while the flag was still set).
test('the address bar takes the link in a task of its own, not in the model answer\'s', async () => {
  const { page, log } = await ctx.open();
  await page.addInitScript(() => {
    globalThis.__writes = [];
    let inAnswer = false;
    const Original = globalThis.Worker;
    globalThis.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        // Registered before the page's own handler: true from here to the next task below.
        this.addEventListener('message', () => {
          inAnswer = true;
        });
      }
    };
    for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame']) {
      const original = globalThis[name];
      globalThis[name] = function (callback, ...rest) {
        if (typeof callback !== 'function') return original.call(this, callback, ...rest);
        return original.call(this, function (...args) {
          inAnswer = false;
          return callback.apply(this, args);
        }, ...rest);
      };
    }
    const replace = History.prototype.replaceState;
    History.prototype.replaceState = function (...args) {
      if (String(args[2] ?? '').includes('#v1:')) globalThis.__writes.push(inAnswer);
      return replace.apply(this, args);
    };
  });
  await goto(page, ctx.server.url);
  // Paused: no answer but those asked for.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await run(page, 'kubectl label node node-2 tier=gold');
  const link = await settledLink(page);
  const writes = await page.evaluate(() => globalThis.__writes);
  assert.ok(writes.length > 0, 'the link was written');
  assert.deepEqual(writes.filter(Boolean), [], `no write in an answer's task: ${writes}`);
  // What the link holds is the work: a fresh page opens it.
  const other = await ctx.open();
  await goto(other.page, link);
  assert.match(await run(other.page, 'kubectl get nodes --show-labels'), /tier=gold/);
  assert.deepEqual(log.errors, []);
});

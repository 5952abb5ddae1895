// Embeds as a tutorial on another site has them (issue 23): embed.js from the playground's origin,
// the page on `localhost` (another site, as a blog on its own domain is): sized by their content,
// borderless, paused until played, in the host's colours, lazy, as <daemonset-playground>
// elements, with a host API, downloading the app once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { daemonSetYaml, lightness, screenshot, start } from './harness.mjs';

const YAML = daemonSetYaml('log-agent');

// The page of a tutorial, with a theme rule as common themes have (`iframe { height: auto }`).
const tutorial = (playground, body, style = '') => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>A tutorial on another site</title>
<style>body { margin: 0 auto; max-width: 760px; font-family: sans-serif; } iframe { height: auto; border: 3px solid red; } ${style}</style>
<script src="${playground}embed.js" defer></script>
</head>
<body>
<h1>A tutorial</h1>
${body}
</body>
</html>
`;

const PAGES = (playground) => ({
  '/sized.html': tutorial(playground, `
<pre class="daemonset-playground" data-nodes="3" data-title="wide">${YAML}</pre>
<div style="width: 320px"><pre class="daemonset-playground" data-lesson="daemonset-basics" data-title="narrow"></pre></div>
<pre class="daemonset-playground" data-nodes="3" data-max-height="300" data-title="capped">${YAML}</pre>`),
  '/autoplay.html': tutorial(playground, `
<pre class="daemonset-playground" data-nodes="2" data-title="paused">${YAML}</pre>
<pre class="daemonset-playground" data-nodes="2" data-autoplay data-title="playing">${YAML}</pre>`),
  '/dark.html': tutorial(playground, `
<pre class="daemonset-playground" data-nodes="2" data-title="auto">${YAML}</pre>
<pre class="daemonset-playground" data-nodes="2" data-theme="light" data-title="light"></pre>`,
  'html.coal, html.coal body { background: #141617; color: #98a3ad; }').replace('<html lang="en">', '<html lang="en" class="coal">'),
  '/lang.html': tutorial(playground, `<pre class="daemonset-playground" data-nodes="2" data-lang="zh-Hant" data-title="lang">${YAML}</pre>`),
  '/elements.html': tutorial(playground, `
<daemonset-playground id="near" preset="rolling-update" title="near"></daemonset-playground>
<daemonset-playground id="click" nodes="1" load="click" height="200" title="click"></daemonset-playground>
<div style="height: 3000px"></div>
<daemonset-playground id="far" nodes="2" title="far"></daemonset-playground>`),
  '/blank.html': tutorial(playground, ''),
  '/api.html': tutorial(playground, `
<daemonset-playground id="lesson" lesson="daemonset-basics" step="1" title="lesson"></daemonset-playground>
<daemonset-playground id="plain" nodes="3" title="plain"></daemonset-playground>
<script>
  window.seen = [];
  for (const type of ['dsplay:ready', 'dsplay:state', 'dsplay:step', 'dsplay:error']) {
    document.addEventListener(type, (e) => window.seen.push({ id: e.target.id, type, detail: e.detail }));
  }
</script>`),
});

let ctx;
let host;
before(async () => {
  ctx = await start();
  host = await startServer({ pages: PAGES(ctx.server.url) });
});
after(async () => {
  await host?.close();
  await ctx?.stop();
});

// `localhost`, not 127.0.0.1: another site than the playground's.
const hostPage = (name) => host.origin.replace('127.0.0.1', 'localhost') + name;

/** The Frame of the iframe titled `title`, once loaded and running. */
async function running(page, title) {
  const iframe = page.locator(`iframe[title="${title}"]`);
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  return { iframe, frame };
}

/** Waits until the iframe's height is its content's (the embed reported it). */
async function fitted(iframe, frame) {
  for (let i = 0; i < 50; i++) {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    if (Math.abs(outer - Math.ceil(inner)) <= 1) return outer;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the embed did not take its content\'s height');
}

const overflow = (frame) => frame.evaluate(() => {
  const root = document.documentElement;
  return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight };
});

test('embeds take their content\'s height, grow and shrink with it, without a border (sized by content)', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 2400 } });
  await page.goto(hostPage('/sized.html'), { waitUntil: 'networkidle' });
  const wide = await running(page, 'wide');
  const before = await fitted(wide.iframe, wide.frame);
  assert.notEqual(before, 480, 'not the old fixed height');
  assert.deepEqual(await overflow(wide.frame), { x: 0, y: 0 });
  // Loading took neither the host page's focus nor its scroll position.
  assert.deepEqual(await page.evaluate(() => [document.activeElement === document.body, window.scrollY]), [true, 0]);
  // The host theme's `iframe { height: auto; border: … }` changes nothing.
  assert.equal(await wide.iframe.evaluate((f) => getComputedStyle(f).borderTopWidth), '0px');
  // Opening the manifest grows it; closing shrinks it back.
  await wide.frame.getByText('Manifest', { exact: true }).click();
  const opened = await fitted(wide.iframe, wide.frame);
  assert.ok(opened > before + 50, `${opened} > ${before}`);
  await wide.frame.getByText('Manifest', { exact: true }).click();
  assert.equal(await fitted(wide.iframe, wide.frame), before);

  // data-max-height caps it; beyond, it scrolls inside.
  const capped = await running(page, 'capped');
  await page.waitForTimeout(500);
  assert.equal(await capped.iframe.evaluate((f) => f.getBoundingClientRect().height), 300);

  // A message from anyone but the playground changes nothing.
  await page.evaluate(() => window.postMessage({ dsplay: 'height', height: 3000 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await capped.iframe.evaluate((f) => f.getBoundingClientRect().height), 300);
  await screenshot(page, 'embed-sized');
  assert.deepEqual(log.errors, []);
});

test('a narrow embed (320 px) does not overflow, shows the canvas first and the console a tap away', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 2400 } });
  await page.goto(hostPage('/sized.html'), { waitUntil: 'networkidle' });
  const { iframe, frame } = await running(page, 'narrow');
  assert.equal(await iframe.evaluate((f) => f.getBoundingClientRect().width), 320);
  await fitted(iframe, frame);
  assert.deepEqual(await overflow(frame), { x: 0, y: 0 });
  // The canvas comes before the lesson's tools.
  const order = await frame.evaluate(() => {
    const canvas = document.querySelector('.embed-stage').getBoundingClientRect().top;
    const lesson = document.querySelector('.lesson').getBoundingClientRect().top;
    return canvas < lesson;
  });
  assert.ok(order);
  const console = frame.getByRole('textbox', { name: 'Console', exact: true });
  const editor = frame.getByRole('textbox', { name: 'Manifest', exact: true });
  assert.ok(await editor.isVisible());
  assert.ok(!(await console.isVisible()));
  await frame.getByRole('button', { name: 'Console', exact: true }).click();
  assert.ok(await console.isVisible());
  assert.ok(!(await editor.isVisible()));
  await fitted(iframe, frame);
  assert.deepEqual(await overflow(frame), { x: 0, y: 0 });
  await iframe.scrollIntoViewIfNeeded();
  await iframe.screenshot({ path: new URL('./screenshots/embed-narrow.png', import.meta.url).pathname });
  assert.deepEqual(log.errors, []);
});

test('embeds open paused with a big Play; data-autoplay runs the clock', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 2000 } });
  await page.goto(hostPage('/autoplay.html'), { waitUntil: 'networkidle' });
  const paused = await running(page, 'paused');
  const playing = await running(page, 'playing');
  await page.waitForTimeout(1500);
  const time = (frame) => frame.locator('.clock .time').innerText();
  assert.match(await time(paused.frame), /t = 0s$/);
  assert.doesNotMatch(await time(playing.frame), /t = 0s$/);
  assert.equal(await playing.frame.locator('.embed-start').count(), 0);
  const play = paused.frame.locator('.embed-start');
  assert.ok(await play.isVisible());
  await screenshot(page, 'embed-paused');
  await play.click();
  await play.waitFor({ state: 'detached' });
  await page.waitForTimeout(600);
  assert.doesNotMatch(await time(paused.frame), /t = 0s$/);
  assert.deepEqual(log.errors, []);
});


test('data-theme: auto follows the host page\'s colours as they change, light and dark stay', async () => {
  // The reader's system is light; the host page is dark (mdBook's coal).
  const { page, log } = await ctx.open({ colorScheme: 'light', viewport: { width: 1000, height: 1800 } });
  await page.goto(hostPage('/dark.html'), { waitUntil: 'networkidle' });
  const auto = await running(page, 'auto');
  const light = await running(page, 'light');
  assert.ok((await lightness(auto.frame)) < 0.3, 'auto: dark on a dark page');
  assert.ok((await lightness(light.frame)) > 0.7, 'light stays light');
  await screenshot(page, 'embed-dark-host');
  // The host switches to its light theme: the auto embed follows.
  await page.evaluate(() => document.documentElement.classList.remove('coal'));
  await auto.frame.waitForFunction(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
    return r + g + b > 600;
  });
  assert.ok((await lightness(light.frame)) > 0.7);
  assert.deepEqual(log.errors, []);
});

test('an embed keeps ?embed=1 and ?lang= across its own address updates, and reloads as an embed', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 1200 } });
  await page.goto(hostPage('/lang.html'), { waitUntil: 'networkidle' });
  const iframe = page.locator('iframe[title="lang"]');
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator('.embed-header').waitFor();
  // The page writes its link once a second.
  let url = '';
  for (let i = 0; i < 40 && !url.includes('#v1:'); i++) {
    await page.waitForTimeout(200);
    url = frame.url();
  }
  assert.match(url, /\/daemonset-playground\/\?embed=1&lang=zh-Hant&theme=light#v1:/);
  await frame.evaluate(() => location.reload());
  await frame.locator('.embed-header').waitFor();
  assert.equal(await frame.locator('.site-header').count(), 0);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-Hant');
  assert.deepEqual(log.errors, []);
});

test('<daemonset-playground> elements: lazy start near the viewport, a Run placeholder, blocks added later', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 900 } });
  await page.goto(hostPage('/elements.html'), { waitUntil: 'networkidle' });
  const near = await running(page, 'near');
  // A preset whose script advanced the clock opens paused too, with its big Play.
  assert.ok(await near.frame.locator('.embed-start').isVisible());
  // Far below the fold: nothing loaded yet.
  assert.equal(await page.locator('#far iframe').count(), 0);
  // load="click": a Run button, no frame until pressed; pressed, it plays.
  assert.equal(await page.locator('#click iframe').count(), 0);
  await screenshot(page, 'embed-placeholder');
  await page.locator('#click').getByRole('button', { name: /Run the playground/ }).click();
  const clicked = await running(page, 'click');
  assert.equal(await clicked.frame.locator('.embed-start').count(), 0);
  await page.locator('#far').scrollIntoViewIfNeeded();
  await running(page, 'far');
  // A single-page site adds a block later and asks for it to be mounted.
  await page.evaluate(() => {
    const pre = document.createElement('pre');
    pre.className = 'daemonset-playground';
    pre.dataset.nodes = '1';
    pre.dataset.title = 'later';
    document.body.append(pre);
    window.DaemonSetPlayground.run();
  });
  await running(page, 'later');
  assert.equal(await page.locator('pre.daemonset-playground').count(), 0);
  // Moved in the page, an element's frame reloads and is still heard.
  const heard = page.evaluate(() => new Promise((done) => {
    const el = document.getElementById('near');
    el.addEventListener('dsplay:ready', () => done(true), { once: true });
    document.body.append(el);
  }));
  assert.equal(await heard, true);
  assert.deepEqual(log.errors, []);
});

test('the host API: ready, state and step events; run and reset commands', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 2400 } });
  await page.goto(hostPage('/api.html'), { waitUntil: 'networkidle' });
  const lesson = await running(page, 'lesson');
  const plain = await running(page, 'plain');
  // 760 px wide: the lesson's editor and console side by side, the frame stays shorter.
  const tops = await lesson.frame.evaluate(() => [...document.querySelectorAll('.embed-pane')].map((p) => p.getBoundingClientRect().top));
  assert.equal(tops.length, 2);
  assert.equal(tops[0], tops[1]);
  const seen = (id, type) => page.evaluate(([i, t]) => window.seen.filter((e) => e.id === i && e.type === t).map((e) => e.detail), [id, type]);
  await page.waitForFunction(() => window.seen.filter((e) => e.type === 'dsplay:ready').length === 2);
  await page.waitForFunction(() => window.seen.some((e) => e.id === 'plain' && e.type === 'dsplay:state'));
  const first = (await seen('plain', 'dsplay:state')).at(-1);
  assert.deepEqual([first.nodes, first.pods], [3, 0]);

  // run: a command through the console's path; a state event says what changed.
  await page.evaluate(() => document.getElementById('plain').run('kubectl delete node node-3'));
  await page.waitForFunction(() => window.seen.some((e) => e.id === 'plain' && e.type === 'dsplay:state' && e.detail.nodes === 2));
  assert.equal(await plain.frame.getByRole('listitem', { name: 'node-3', exact: true }).count(), 0);
  // reset: back to the scenario it opened on.
  await page.evaluate(() => document.getElementById('plain').reset());
  await page.waitForFunction(() => window.seen.filter((e) => e.id === 'plain' && e.type === 'dsplay:state').at(-1).detail.nodes === 3);
  // A script that does not read: an error event, nothing ran.
  await page.evaluate(() => document.getElementById('plain').run("kubectl apply -f - <<'EOF'\nkind: Node"));
  await page.waitForFunction(() => window.seen.some((e) => e.id === 'plain' && e.type === 'dsplay:error'));

  // A lesson step's goal met: the page hears it.
  await page.evaluate((yaml) => document.getElementById('lesson').run(`kubectl apply -f - <<'EOF'\n${yaml}EOF\n`),
    YAML.replaceAll('log-agent', 'fluentd'));
  await page.waitForFunction(() => window.seen.some((e) => e.id === 'lesson' && e.type === 'dsplay:step'));
  const [step] = await seen('lesson', 'dsplay:step');
  assert.deepEqual(step, { dsplay: 'step', lesson: 'daemonset-basics', step: 1, steps: 4, last: false });
  const state = (await seen('lesson', 'dsplay:state')).at(-1);
  assert.deepEqual(state.lesson, { id: 'daemonset-basics', step: 1, steps: 4, done: true });
  assert.deepEqual(log.errors, []);
});

test('every embed of a page shares one download of each module (the page and the worker)', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 2400 } });
  const from = ctx.server.hits.length;
  await page.goto(hostPage('/sized.html'), { waitUntil: 'networkidle' });
  for (const title of ['wide', 'narrow', 'capped']) await running(page, title);
  const hits = ctx.server.hits.slice(from);
  const wasm = hits.filter((h) => h.endsWith('.wasm'));
  const js = hits.filter((h) => /\/(daemonset-playground|worker_loader)-[0-9a-f]+\.js$/.test(h));
  // Two modules, the page's and the model's worker, each downloaded once for the three embeds.
  assert.equal(wasm.length, 2, hits.join('\n'));
  assert.equal(new Set(wasm).size, 2, hits.join('\n'));
  assert.ok(wasm.some((h) => /\/worker-[0-9a-f]+_bg\.wasm$/.test(h)), hits.join('\n'));
  assert.equal(js.length, 2, hits.join('\n'));
  assert.deepEqual(log.errors, []);
});

test('the Share panel\'s <iframe> snippet keeps its height and has no border under a theme\'s iframe rule', async () => {
  const { page, log } = await ctx.open({ viewport: { width: 1000, height: 900 } });
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const snippet = await page.getByRole('textbox', { name: 'Embed snippet' }).inputValue();
  await page.goto(hostPage('/blank.html'), { waitUntil: 'networkidle' });
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), snippet);
  const iframe = page.locator('iframe[title="DaemonSet Playground"]');
  await iframe.waitFor();
  assert.deepEqual(await iframe.evaluate((f) => [f.getBoundingClientRect().height, getComputedStyle(f).borderTopWidth]), [480, '0px']);
  assert.deepEqual(log.errors, []);
});

/** axe-core's violations (WCAG 2.x A and AA, best practices) in `frame`. */
async function violations(frame) {
  await frame.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return frame.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe-core finds nothing in embeds, paused with their Play and in a narrow lesson, ${theme}`, async () => {
    const { page } = await ctx.open({ viewport: { width: 1000, height: 2400 } });
    await page.goto(hostPage('/sized.html'), { waitUntil: 'networkidle' });
    for (const title of ['wide', 'narrow']) {
      const { frame } = await running(page, title);
      await page.evaluate(([t, th]) => document.querySelector(`iframe[title="${t}"]`).contentWindow.postMessage({ dsplay: 'theme', theme: th }, '*'), [title, theme]);
      await page.waitForTimeout(300);
      const found = await violations(frame);
      assert.deepEqual(found, [], `${title}: ${found.join('\n')}`);
    }
  });
}

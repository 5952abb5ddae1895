// The browser half of scripts/bench.sh: runs the engine benchmark as WebAssembly in headless
// Chromium, measures the playground's frame rate while a rollout plays at 100x, the tab's memory
// while one 10,000-node NodeList pasted into the page settles (paste.mjs), the page's main-thread
// tasks while 10,000 nodes × 20 DaemonSets settle (settle.mjs), and what a reader
// pays to load the site (bytes and times to first paint, a usable editor, the first pod; a
// tutorial page with three embeds) beside a minimal Leptos page. Writes JSON files into --out.
//
//   node scripts/bench/browser.mjs --sizes 100,1000 --out target/bench
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE, startServer } from '../../tests/e2e/server.mjs';
import { CHROMIUM } from '../../tests/e2e/harness.mjs';
import { pasteIntoEditor } from './editor.mjs';
import { daemonSet, nodeList, nodeLists } from './manifests.mjs';
import { pasteMemory } from './paste.mjs';
import { settleTasks } from './settle.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '100,1000').split(',').map(Number);
const out = resolve(arg('--out', 'target/bench'));
mkdirSync(out, { recursive: true });
// --only engine,fps,load,paste,settle: run some parts again (the others' files stay as they are).
const only = new Set(arg('--only', 'engine,fps,load,paste,settle').split(','));
// --site DIR: the build measured by the page parts (load, fps, paste, settle): another commit's
// dist/, to compare builds.
const siteRoot = resolve(arg('--site', 'dist'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const TIMEOUT = 30 * 60 * 1000;

/** The size of the run before each measured one (see wasmEngine). */
const WARM_UP_NODES = 50;

/** The engine scenarios in a fresh page per size (WebAssembly memory never shrinks). */
async function wasmEngine() {
  // Cross-origin isolated: the clock steps by 5 µs, not 100 (a label change takes less than 0.1 ms).
  const server = await startServer({ root: join(out, 'wasm'), isolated: true });
  const rows = [];
  for (const n of sizes) {
    for (const scenario of ['create_and_label', 'rollout']) {
      const page = await browser.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
      if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) {
        throw new Error('the engine bench page is not cross-origin isolated: its clock steps by 0.1 ms');
      }
      try {
        const result = await page.evaluate(
          ([fn, size, warmUp]) => {
            // A small run first: Chromium compiles WebAssembly in tiers, and the first seconds
            // of a fresh page run baseline code (native code has no such warm-up).
            window.bench[fn](warmUp);
            const lines = window.bench[fn](size);
            return { lines, memory: window.wasmMemoryBytes(), peak: window.bench.peak_heap_bytes() };
          },
          [scenario, n, WARM_UP_NODES],
        );
        for (const line of result.lines.split('\n').filter(Boolean)) {
          rows.push({ ...JSON.parse(line), wasm_memory_bytes: result.memory, peak_heap_bytes: result.peak });
        }
        console.log(`wasm ${scenario} ${n}: done`);
      } catch (error) {
        // Out of memory (WebAssembly's 4 GB) or a trap: reported, and the run goes on.
        rows.push({ scenario: `${scenario}-failed`, nodes: n, error: String(error.message).split('\n')[0] });
        console.log(`wasm ${scenario} ${n}: failed`);
      }
      await page.close().catch(() => {});
    }
  }
  await server.close();
  return rows;
}

/** Applies YAML through the page's editor, as a user pastes it (editor.mjs). */
async function applyYaml(page, yaml) {
  await pasteIntoEditor(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

/** The nodes of the one NodeList the paste part applies (issue 20: the tab stays under 300 MB). */
const PASTE_NODES = 10_000;

/** How long one step of the frame-rate run may take before it is reported as not finishing. */
const STEP_LIMIT = 4 * 60 * 1000;

/** Frames per second while a rollout of one DaemonSet over `nodes` nodes plays at 100x; a step
 *  that takes longer than STEP_LIMIT is reported instead of waited for. */
async function rolloutFps(siteUrl, nodes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(siteUrl).origin,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_LIMIT);
  try {
    return await measureFps(page, siteUrl, nodes);
  } catch (error) {
    return { nodes, error: `did not finish: ${String(error.message).split('\n')[0]}` };
  } finally {
    await context.close().catch(() => {});
  }
}

/** The rollout's `maxUnavailable`: 1% keeps it going for most of the measured 5 s at 100×
 *  (with 10% a rollout over 5,000 nodes was over in half a second, and the rest measured an
 *  idle page). */
const FPS_MAX_UNAVAILABLE = '1%';

/** The fps DaemonSet's DESIRED and UP-TO-DATE, from the page's `kubectl get ds -A`. */
async function rolloutProgress(page) {
  const table = await page.locator('pre.ds-table').innerText();
  const row = table.split('\n').find((line) => line.split(/\s+/)[1] === 'fps');
  const cols = row?.trim().split(/\s+/) ?? [];
  return { desired: Number(cols[2]), updated: Number(cols[5]) };
}

/** The rollout's progress once the page shows it begun (UP-TO-DATE below DESIRED), or as the
 *  table stands after 5 s. */
async function rolloutStarted(page) {
  const until = Date.now() + 5000;
  for (;;) {
    const progress = await rolloutProgress(page);
    if (progress.updated < progress.desired || Date.now() > until) return progress;
    await page.waitForTimeout(50);
  }
}

async function measureFps(page, siteUrl, nodes) {
  await page.goto(siteUrl);
  await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  // Paused until the measurement: the page opens playing at 1×.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (const list of nodeLists(nodes)) await applyYaml(page, list);
  await applyYaml(page, daemonSet('fps', 'registry.k8s.io/pause:3.9', FPS_MAX_UNAVAILABLE));
  await page.getByRole('button', { name: 'Settle' }).click();
  await page.getByRole('log', { name: 'Console transcript' }).getByText(/settled at/).last().waitFor();
  await page.getByLabel('Speed').selectOption('100');
  await applyYaml(page, daemonSet('fps', 'registry.k8s.io/pause:3.10', FPS_MAX_UNAVAILABLE));
  // The status table shows the model's next answer: read before it, it still has the old
  // template all up to date (every report until 2026-12-06 said "5002 → 5002").
  const before = await rolloutStarted(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await page.evaluate(
    () =>
      new Promise((done) => {
        const times = [];
        const tick = (t) => {
          times.push(t);
          if (t - times[0] < 5000) requestAnimationFrame(tick);
          else done(times);
        };
        requestAnimationFrame(tick);
      }),
  );
  const after = await rolloutProgress(page);
  const cards = await page.locator('[aria-label="Nodes"] > li, [aria-label="Nodes"] .dense-cell').count();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const seconds = (frames.at(-1) - frames[0]) / 1000;
  return {
    nodes,
    cards,
    max_unavailable: FPS_MAX_UNAVAILABLE,
    desired: after.desired,
    updated_before: before.updated,
    updated_after: after.updated,
    fps: (frames.length - 1) / seconds,
    p95_frame_ms: gaps[Math.floor(gaps.length * 0.95)] ?? null,
    max_frame_ms: gaps.at(-1) ?? null,
  };
}

/** Marks the moments of a load on the page's clock (performance.mark), from outside the app so
 *  that any build can be measured the same way: the WebAssembly compiled and instantiated
 *  (around the loader's instantiateStreaming), the app mounted (its `main#main` on the page),
 *  the node list (and its first card), and the first pod; and the first usable render: when
 *  the Nodes list is first visible (a box of some size, not `visibility: hidden`: what
 *  Playwright's `waitFor` waits for), looked at after every change of the page and once a
 *  frame. */
function markLoad() {
  const mark = (name) => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  };
  for (const fn of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[fn];
    WebAssembly[fn] = async (...args) => {
      mark('bench:compile-start');
      const result = await original.apply(WebAssembly, args);
      mark('bench:instantiated');
      return result;
    };
  }
  let usable = false;
  const lookForUsable = () => {
    const list = usable ? null : document.querySelector('ul[aria-label="Nodes"]');
    if (!list) return;
    const box = list.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && getComputedStyle(list).visibility !== 'hidden') {
      usable = true;
      mark('bench:usable');
    }
  };
  // At every change of the page, and once a frame (a style sheet may show it without one).
  const everyFrame = () => {
    lookForUsable();
    if (!usable) requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
  new MutationObserver(() => {
    lookForUsable();
    if (document.querySelector('main#main')) mark('bench:mounted');
    if (document.querySelector('ul[aria-label="Nodes"]')) mark('bench:nodes');
    if (document.querySelector('ul[aria-label="Nodes"] li')) mark('bench:node-shown');
    if (document.querySelector('.pod-chip')) mark('bench:first-pod');
  }).observe(document, { childList: true, subtree: true });
}

/** Gzipped (level 9, as the report counts the site) size of the file a URL of `root` names. */
function gzippedSize(root, url) {
  const path = new URL(url).pathname;
  if (!path.startsWith(BASE)) return 0;
  let file = join(root, path.slice(BASE.length));
  if (path.endsWith('/')) file = join(file, 'index.html');
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

/** One cold load (a fresh context, so no cache) of `url`: what was fetched when, the paint and
 *  the marks of markLoad: the first usable render on the page's clock, and also the time until
 *  the node list was seen from outside (Playwright polls at growing intervals, 20 to 500 ms,
 *  so that time depends on when it happened to look). */
async function loadOnce(root, url, { pods }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(markLoad);
  const start = Date.now();
  await page.goto(url);
  await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  const seen = Date.now() - start;
  await page.waitForFunction(() => performance.getEntriesByName('bench:usable').length > 0);
  if (pods) await page.waitForFunction(() => performance.getEntriesByName('bench:first-pod').length > 0);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    return {
      resources: [
        { url: nav.name, start: nav.startTime, end: nav.responseEnd },
        ...performance.getEntriesByType('resource').map((r) => ({
          url: r.name,
          start: r.startTime,
          end: r.responseEnd,
        })),
      ],
      first_paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      compile_start: at('bench:compile-start'),
      instantiated: at('bench:instantiated'),
      mounted: at('bench:mounted'),
      // The app's own marks (src/load_marks.rs), where the build has them.
      app_start: at('dsplay:start'),
      scenario_opened: at('dsplay:scenario-opened'),
      usable: at('bench:usable'),
      nodes: at('bench:nodes'),
      node_shown: at('bench:node-shown'),
      first_pod: at('bench:first-pod'),
      first_answer_heard: at('dsplay:first-answer-heard'),
      first_answer_applied: at('dsplay:first-answer-applied'),
      origin: performance.timeOrigin,
    };
  });
  // The model's worker, on its own clock (moved onto the page's): its files fetched, its code
  // started (src/worker.rs), the default preset opened unasked or the page's first opening
  // request heard and answered.
  const worker = {};
  for (const w of page.workers()) {
    const seen = await w
      .evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
        resources: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime, r.responseEnd]),
      }))
      .catch(() => null);
    if (!seen || !seen.marks.some(([name]) => name === 'dsplay-worker:start')) continue;
    const onPage = (t) => t + seen.origin - timing.origin;
    worker.created = onPage(0);
    for (const [url, , end] of seen.resources) {
      if (url.endsWith('.wasm')) worker.wasm_fetched = onPage(end);
      else if (url.endsWith('.js')) worker.js_fetched = onPage(end);
    }
    for (const [name, t] of seen.marks) {
      const key = name.replace('dsplay-worker:', '').replaceAll('-', '_');
      worker[key] ??= onPage(t);
    }
  }
  await context.close();
  for (const r of timing.resources) r.gzip = gzippedSize(root, r.url);
  const wasm = timing.resources.find((r) => r.url.endsWith('.wasm'));
  const before = (t) => (t == null ? null : timing.resources.filter((r) => r.end <= t).reduce((s, r) => s + r.gzip, 0));
  return {
    usable_ms: Math.round(timing.usable),
    seen_ms: seen,
    first_paint_ms: timing.first_paint,
    wasm_fetched_ms: wasm?.end ?? null,
    instantiated_ms: timing.instantiated,
    mounted_ms: timing.mounted,
    app_start_ms: timing.app_start,
    scenario_opened_ms: timing.scenario_opened,
    nodes_ms: timing.nodes,
    node_shown_ms: timing.node_shown,
    first_pod_ms: timing.first_pod,
    first_answer_heard_ms: timing.first_answer_heard,
    first_answer_applied_ms: timing.first_answer_applied,
    worker_created_ms: worker.created ?? null,
    worker_wasm_fetched_ms: worker.wasm_fetched ?? null,
    worker_start_ms: worker.start ?? null,
    worker_preopen_answered_ms: worker.preopen_answered ?? null,
    // Since issue 22f the answer above is the one built into the site (src/first_view.rs);
    // this is when the worker's own open of the preset was done and found the same.
    worker_preopen_checked_ms: worker.preopen_checked ?? null,
    worker_open_heard_ms: worker.open_heard ?? null,
    worker_open_answered_ms: worker.open_answered ?? null,
    // The editor is usable (Apply works) once the app mounted; the shell's textarea takes
    // typing from the first paint, and the app keeps it.
    bytes_before_first_paint: before(timing.first_paint),
    bytes_before_editor: before(timing.mounted),
    bytes_before_first_pod: before(timing.first_pod),
    bytes_total: timing.resources.reduce((s, r) => s + r.gzip, 0),
    resources: timing.resources.map((r) => ({
      file: new URL(r.url).pathname.split('/').pop() || 'index.html',
      gzip: r.gzip,
      start_ms: Math.round(r.start),
      end_ms: Math.round(r.end),
    })),
  };
}

/** What the first paint needs: a cold load with every .wasm request held back until the page
 *  painted (over a network slower than this machine's loopback the paint comes long before the
 *  WebAssembly; here it may finish first and be counted though the paint did not wait for it).
 *  The median of three: the paint's time, the gzipped bytes fetched by then, and whether the
 *  page painted at all without the WebAssembly. */
async function paintWithoutWasm(root) {
  const server = await startServer({ root });
  const loads = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let release;
    const released = new Promise((done) => {
      release = done;
    });
    await page.route(/\.wasm$/, async (route) => {
      await released;
      await route.continue().catch(() => {});
    });
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const paint = await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, {
        timeout: 10000,
      })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const resources = await page.evaluate(() => [
      performance.getEntriesByType('navigation')[0],
      ...performance.getEntriesByType('resource'),
    ].map((r) => ({ url: r.name, end: r.responseEnd })));
    release();
    await context.close();
    const bytes = paint == null ? null : resources.filter((r) => r.end > 0 && r.end <= paint)
      .reduce((s, r) => s + gzippedSize(root, r.url), 0);
    loads.push({ first_paint_ms: paint, bytes_before_first_paint: bytes });
  }
  await server.close();
  loads.sort((a, b) => (a.first_paint_ms ?? Infinity) - (b.first_paint_ms ?? Infinity));
  return { painted: loads.every((l) => l.first_paint_ms != null), median: loads[1], all: loads };
}

/** The median load of five (by the time the node list was seen), with each one's times. */
async function firstRender(root, { pods }) {
  const server = await startServer({ root });
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await loadOnce(root, server.url, { pods }));
  await server.close();
  const median = (key) => {
    const values = loads.map((l) => l[key]).filter((v) => v != null).sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)] : null;
  };
  const byTime = [...loads].sort((a, b) => a.usable_ms - b.usable_ms);
  return {
    median_ms: median('usable_ms'),
    all_ms: loads.map((l) => l.usable_ms),
    seen_median_ms: median('seen_ms'),
    seen_all_ms: loads.map((l) => l.seen_ms),
    medians: Object.fromEntries(
      ['first_paint_ms', 'wasm_fetched_ms', 'instantiated_ms', 'app_start_ms', 'scenario_opened_ms', 'mounted_ms', 'nodes_ms', 'node_shown_ms', 'first_pod_ms',
        'first_answer_heard_ms', 'first_answer_applied_ms', 'worker_created_ms', 'worker_wasm_fetched_ms', 'worker_start_ms',
        'worker_preopen_answered_ms', 'worker_preopen_checked_ms', 'worker_open_heard_ms', 'worker_open_answered_ms',
        'bytes_before_first_paint', 'bytes_before_editor', 'bytes_before_first_pod', 'bytes_total'].map((k) => [k, median(k)]),
    ),
    median_load: byTime[2],
  };
}

/** A tutorial page of another origin's kind: three embeds (embed.js turns three <pre> blocks
 *  into iframes of the embed mode), loaded cold once; the HTTP cache is the browser's own. */
const TUTORIAL = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A tutorial with three embeds</title>
<script src="${BASE}embed.js" defer></script></head>
<body>
<h1>DaemonSets, three ways</h1>
${['log-agent', 'metrics-agent', 'net-agent']
  .map(
    (name) => `<pre class="daemonset-playground" data-nodes="3">apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: registry.k8s.io/pause:3.9
</pre>`,
  )
  .join('\n<p>Some prose between the embeds.</p>\n')}
</body>
</html>
`;

/** The tutorial page, cold: the files fetched (counted by the server), their gzipped bytes, and
 *  the time until each of the three embeds shows a pod. */
async function tutorialLoad() {
  const server = await startServer({ root: siteRoot, pages: { '/tutorial.html': TUTORIAL } });
  // Tall enough that all three embeds are near the viewport and load at once.
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(`${server.origin}/tutorial.html`);
  const frames = page.locator('iframe.daemonset-playground');
  await page.waitForFunction(() => document.querySelectorAll('iframe.daemonset-playground').length === 3);
  for (let i = 0; i < 3; i++) {
    await page.frameLocator('iframe.daemonset-playground').nth(i).locator('.pod-chip').first().waitFor({ timeout: 60000 });
  }
  const podsMs = Date.now() - start;
  const embeds = await frames.count();
  await context.close();
  await server.close();
  const fetched = {};
  for (const hit of server.hits) {
    const path = new URL(hit, server.origin).pathname;
    const file = path.startsWith(BASE) ? path.slice(BASE.length) || 'index.html' : path;
    fetched[file] = (fetched[file] ?? 0) + 1;
  }
  const files = Object.entries(fetched).map(([file, times]) => ({
    file,
    times,
    gzip: file.startsWith('/') ? 0 : gzippedSize(siteRoot, `${server.origin}${BASE}${file}`),
  }));
  return {
    embeds,
    pods_in_all_ms: podsMs,
    files,
    bytes_total: files.reduce((s, f) => s + f.times * f.gzip, 0),
  };
}

if (only.has('engine')) {
  const engine = await wasmEngine();
  writeFileSync(join(out, 'wasm.jsonl'), engine.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

if (only.has('fps')) {
  const site = await startServer({ root: siteRoot });
  const fps = [];
  for (const n of [500, 5000]) {
    fps.push(await rolloutFps(site.url, n));
    console.log(`fps ${n}: ${fps.at(-1).fps?.toFixed(1) ?? fps.at(-1).error}`);
  }
  await site.close();
  writeFileSync(join(out, 'fps.json'), JSON.stringify(fps, null, 2));
}

if (only.has('load')) {
  // The minimal Leptos page is built by `make bench` into OUT/hello; without it the load would
  // time out waiting for a page that is not there.
  if (!existsSync(join(out, 'hello', 'index.html'))) {
    throw new Error(`${join(out, 'hello')} has no index.html: build the minimal Leptos page first (make bench does), or copy target/bench/hello there`);
  }
  const load = {
    site: await firstRender(siteRoot, { pods: true }),
    site_without_wasm: await paintWithoutWasm(siteRoot),
    hello: await firstRender(join(out, 'hello'), { pods: false }),
    tutorial: await tutorialLoad(),
  };
  writeFileSync(join(out, 'load.json'), JSON.stringify(load, null, 2));
}
if (only.has('paste')) {
  const site = await startServer({ root: siteRoot });
  const paste = await pasteMemory(browser, site.url, PASTE_NODES, nodeList(PASTE_NODES));
  console.log(`paste ${PASTE_NODES}: ${paste.error ?? `renderer peak ${(paste.renderer_peak_rss_bytes / 2 ** 20).toFixed(0)} MB`}`);
  await site.close();
  writeFileSync(join(out, 'paste.json'), JSON.stringify(paste, null, 2));
}
if (only.has('settle')) {
  const site = await startServer({ root: siteRoot });
  const settle = await settleTasks(browser, site.url);
  console.log(`settle: ${settle.error ?? `longest main-thread task ${(settle.tasks?.longest_ms ?? settle.long_tasks.longest_ms).toFixed(0)} ms, ${settle.long_tasks.over_50_ms} over 50 ms`}`);
  await site.close();
  writeFileSync(join(out, 'settle.json'), JSON.stringify(settle, null, 2));
}
await browser.close();

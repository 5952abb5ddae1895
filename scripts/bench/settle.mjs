// The settle part of scripts/bench/browser.mjs (issue 22: "longest main-thread task during a
// 10k × 20 settle: ≤ 50 ms, stretch ≤ 16 ms"): the real page (dist/) emptied through its console,
// 10,000 nodes pasted into its editor as one NodeList and applied, 20 DaemonSets of one container
// pasted as one multi-document YAML and applied, then Settle until every pod is Ready. The engine
// runs in the page's Web Worker; what is measured is the page's main thread, where each of the
// worker's updates is decoded and rendered.
//
// From the first Apply until the status table shows all 200,000 pods Ready, it records:
// - the Long Tasks API's entries (PerformanceObserver `longtask`: every task of 50 ms or more);
// - a trace of the renderer's main thread (CDP Tracing, the DevTools timeline's `RunTask`s):
//   every task, however short, which is what the 16 ms stretch needs;
// - the gaps between animation frames (requestAnimationFrame), what a user sees stutter.
//
// Run alone: `node scripts/bench/settle.mjs` prints the JSON (the built page in dist/).
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, runInConsole } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../tests/e2e/server.mjs';
import { pasteIntoEditor } from './editor.mjs';
import { daemonSet, nodeList } from './manifests.mjs';

/** The size of the run: issue 22's row. */
export const SETTLE_NODES = 10_000;
export const SETTLE_DAEMONSETS = 20;

/** The 20 DaemonSets (RollingUpdate, one container each) as one multi-document YAML. */
export const daemonSets = (n) =>
  Array.from({ length: n }, (_, i) => daemonSet(`ds-${String(i).padStart(2, '0')}`, 'registry.k8s.io/pause:3.9', '10%')).join('---\n');

/** Runs in the page from its start: keeps every long task (≥ 50 ms) and, once asked, each
 *  animation frame's time. */
function recordMainThread() {
  const bench = (globalThis.__benchSettle = { longTasks: [], frames: [], framing: false, messages: [] });
  // The model's answers as they reach the page: when, and their bytes (postcard).
  const Original = globalThis.Worker;
  globalThis.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data?.byteLength != null) bench.messages.push([performance.now(), e.data.byteLength]);
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  bench.startFrames = () => {
    bench.framing = true;
    const tick = (t) => {
      bench.frames.push(t);
      if (bench.framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
}

/** The trace's categories: the timeline's tasks (\`RunTask\`) and the bench's marks. */
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'];
/** SETTLE_TRACE_CATEGORIES=a,b: more of the trace (debugging), e.g.
 *  `disabled-by-default-devtools.timeline.stack` (which script forced a layout) or
 *  `disabled-by-default-devtools.timeline.invalidationTracking` (which elements a style
 *  recalculation was for). */
const traceCategories = () => [...TRACE_CATEGORIES, ...(process.env.SETTLE_TRACE_CATEGORIES?.split(',').filter(Boolean) ?? [])];

/** Marks a moment on the page's clock and returns it (ms since the page's time origin). */
const mark = (page, name) => {
  if (process.env.SETTLE_DEBUG) console.error(`${new Date().toISOString()} ${name}`);
  return page.evaluate((n) => performance.mark(n).startTime, name);
};

/** How many transcript entries contain `text`. The waits poll in the page's main thread, so
 *  they look at as little as they can: the entries' count, and the text of the last few only
 *  (reading all of them copied the 10,000-line entry at every look: 0.7 s of the run). */
const countEntries = (page, text) =>
  page.evaluate((t) => [...document.querySelectorAll('.terminal .entry')].filter((e) => e.textContent.includes(t)).length, text);

/** Waits until the transcript has more entries than `before` (`text` empty), or until its last
 *  entry contains `text` and more do than `before`. An entry never changes once shown, so each
 *  last entry's text is read once: during the Settle the last one was the NodeList's Apply (its
 *  256 KiB of standard input and 10,000 lines), and reading it at every look took the page's
 *  main thread 35–64 ms a look under load (the trace's `next` tasks). */
const moreEntries = (page, text, before) =>
  page.waitForFunction(
    ([t, n]) => {
      const entries = document.querySelectorAll('.terminal .entry');
      if (!t) return entries.length > n;
      const last = entries[entries.length - 1];
      if (!last || last === globalThis.__benchLastRead) return false;
      globalThis.__benchLastRead = last;
      if (!last.textContent.includes(t)) return false;
      return [...entries].filter((e) => e.textContent.includes(t)).length > n;
    },
    [text, before],
    { polling: 100 },
  );

/** DESIRED and READY summed over the rows of the page's `kubectl get ds -A`. */
const podsOf = (page) =>
  page.evaluate(() => {
    const rows = (document.querySelector('pre.ds-table')?.textContent ?? '').split('\n').slice(1);
    let desired = 0;
    let ready = 0;
    for (const cols of rows.map((l) => l.trim().split(/\s+/))) {
      desired += Number(cols[2]) || 0;
      ready += Number(cols[4]) || 0;
    }
    return { desired, ready };
  });

/** The renderer main thread's tasks in a Chromium trace: [start, duration] in ms on the trace's
 *  clock, of the page's thread (CrRendererMain of the process whose tasks the page ran). */
function mainThreadTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  }
  // One RunTask a task; per thread, keep the outermost (a nested loop may run tasks inside one).
  const byThread = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push([e.ts / 1000, (e.dur ?? 0) / 1000]);
  }
  // The tab's thread: the one that was busiest (a spare renderer idles).
  const busiest = [...byThread.values()].sort(
    (a, b) => b.reduce((s, [, d]) => s + d, 0) - a.reduce((s, [, d]) => s + d, 0),
  )[0] ?? [];
  busiest.sort((a, b) => a[0] - b[0]);
  const outer = [];
  for (const t of busiest) {
    const last = outer.at(-1);
    if (last && t[0] < last[0] + last[1]) continue;
    outer.push(t);
  }
  return outer;
}

/** The longest of `durations` and how many are over 50 and over 16 ms. */
function summary(durations) {
  const sorted = [...durations].sort((a, b) => b - a);
  return {
    count: sorted.length,
    longest_ms: sorted[0] ?? 0,
    over_50_ms: sorted.filter((d) => d > 50).length,
    over_16_ms: sorted.filter((d) => d > 16).length,
    total_ms: sorted.reduce((s, d) => s + d, 0),
    top_ms: sorted.slice(0, 10),
  };
}

/** The time between each frame and the next. */
const gaps = (frames) => frames.slice(1).map((t, i) => t - frames[i]);

/** Empties the page's cluster through its console (the default preset's DaemonSet and nodes),
 *  as a user starting from nothing would. */
async function emptyCluster(page) {
  await runInConsole(page, 'kubectl delete daemonset fluentd-elasticsearch -n kube-system');
  await runInConsole(page, 'kubectl delete nodes control-plane node-1 node-2');
  const before = await countEntries(page, 'settled at');
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await moreEntries(page, 'settled at', before);
}

/** Pastes, applies and settles 10,000 nodes × 20 DaemonSets in the page at `siteUrl`, recording
 *  the main thread from the first Apply until every pod is Ready; or `{ error }`. */
export async function settleTasks(browser, siteUrl, { nodes = SETTLE_NODES, daemonsets = SETTLE_DAEMONSETS } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
  await context.addInitScript(recordMainThread);
  // SETTLE_INIT_SCRIPT=FILE: more script in the page from its start (debugging: e.g. timing an API).
  if (process.env.SETTLE_INIT_SCRIPT) await context.addInitScript({ path: process.env.SETTLE_INIT_SCRIPT });
  const page = await context.newPage();
  page.setDefaultTimeout(Number(process.env.SETTLE_TIMEOUT_MS ?? 5 * 60 * 1000));
  if (process.env.SETTLE_DEBUG) page.on('console', (m) => console.error(`page: ${m.text()}`));
  let tracing = false;
  try {
    await page.goto(siteUrl);
    await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await emptyCluster(page);
    // The DaemonSets first: pasted after the nodes, they would meet the long NodeList's
    // read-only view, which a user leaves by "Edit anyway" (the 1.2 MB back in the textarea).
    await pasteIntoEditor(page, daemonSets(daemonsets));

    if (!process.env.SETTLE_NO_TRACE) {
      await browser.startTracing(page, { categories: traceCategories() });
      tracing = true;
    }
    await page.evaluate(() => globalThis.__benchSettle.startFrames());
    const t0 = await mark(page, 'bench:apply-daemonsets');
    let entries = await countEntries(page, '');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await moreEntries(page, '', entries);

    // The paste is the user's, before Apply: not measured (the browser's paste of 1.2 MB).
    const tp = await mark(page, 'bench:paste-nodes');
    await pasteIntoEditor(page, nodeList(nodes));
    const t1 = await mark(page, 'bench:apply-nodes');
    // SETTLE_PROFILE=FILE: a CPU profile of the page from this Apply until settled (debugging).
    const profiler = process.env.SETTLE_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const started = Date.now();
    entries = await countEntries(page, '');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await moreEntries(page, '', entries);
    const applyNodesMs = Date.now() - started;

    const settledBefore = await countEntries(page, 'settled at');
    const t2 = await mark(page, 'bench:settle');
    const settleStart = Date.now();
    // Found by a CSS selector: a role query runs in the page's main thread over every element,
    // and with 10,000 cells in the grid it was a task of 45–48 ms of the bench's own (a CPU
    // profile: Playwright's `getImplicitAriaRole`), counted as the page's.
    await page.locator('button', { hasText: /^\s*Settle\s*$/ }).click();
    await moreEntries(page, 'settled at', settledBefore);
    const settleMs = Date.now() - settleStart;
    const want = nodes * daemonsets;
    await page.waitForFunction(
      (n) => {
        const rows = (document.querySelector('pre.ds-table')?.textContent ?? '').split('\n').slice(1);
        return rows.reduce((s, l) => s + (Number(l.trim().split(/\s+/)[4]) || 0), 0) >= n;
      },
      want,
      { polling: 100, timeout: 60000 },
    ).catch(() => {});
    const t3 = await mark(page, 'bench:ready');
    // The status table counts the model's pods; the canvas shows the nodes as their cards'
    // batches reach it, and may still be catching up: until every node's cell is in the grid
    // and Ready (what a user sees as done), its tasks are the settle's too.
    await page.waitForFunction(
      (n) => {
        const grid = document.querySelector('.dense-grid');
        return grid?.getElementsByClassName('dense-cell').length === n && grid.getElementsByClassName('state-ready').length === n;
      },
      nodes,
      { polling: 250, timeout: 120000 },
    ).catch(() => {});
    const t4 = await mark(page, 'bench:shown');
    const shownCells = await page.evaluate(() => document.querySelector('.dense-grid')?.getElementsByClassName('state-ready').length ?? 0);
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(process.env.SETTLE_PROFILE, JSON.stringify(profile));
    }
    const shown = await page.evaluate(() => {
      const b = globalThis.__benchSettle;
      b.framing = false;
      return { longTasks: b.longTasks, frames: b.frames, messages: b.messages, origin: performance.timeOrigin };
    });
    const pods = await podsOf(page);
    const settledLine = await page.evaluate(() =>
      [...document.querySelectorAll('.terminal .entry')].map((e) => e.innerText).filter((s) => s.includes('settled at')).at(-1),
    );
    const raw = tracing ? await browser.stopTracing() : null;
    if (raw && process.env.SETTLE_TRACE_FILE) writeFileSync(process.env.SETTLE_TRACE_FILE, raw);
    const trace = raw ? JSON.parse(raw.toString()) : { traceEvents: [] };
    tracing = false;

    // The trace's clock (µs, monotonic) against the page's: the marks are in both.
    const marks = (trace.traceEvents ?? []).filter((e) => e.name?.startsWith('bench:') && e.ph !== 'M');
    const markTs = (name) => marks.find((e) => e.name === name)?.ts;
    const offset = markTs('bench:apply-daemonsets') != null ? markTs('bench:apply-daemonsets') / 1000 - t0 : null;
    const tasks = mainThreadTasks(trace);
    // The nodes' paste (the user's, before their Apply) is reported apart, not in the window.
    const phases = [
      ['apply_daemonsets', t0, tp],
      ['paste_nodes', tp, t1],
      ['apply_nodes', t1, t2],
      ['settle', t2, t3],
      ['catch_up', t3, t4],
    ];
    const inPhase = (start, [, from, to]) => start >= from && start < to;
    const inWindow = (start, phase) =>
      phase[0] === 'all' ? phases.some((p) => p[0] !== 'paste_nodes' && inPhase(start, p)) : inPhase(start, phase);
    const taskPhases = {};
    const longPhases = {};
    const framePhases = {};
    const messagePhases = {};
    for (const phase of phases) {
      const [name] = phase;
      taskPhases[name] = offset == null ? null : summary(tasks.filter(([s]) => inWindow(s - offset, phase)).map(([, d]) => d));
      longPhases[name] = summary(shown.longTasks.filter((t) => inWindow(t.start, phase)).map((t) => t.duration));
      framePhases[name] = summary(gaps(shown.frames.filter((t) => t >= phase[1] && t < phase[2])));
      const bytes = shown.messages.filter(([t]) => inPhase(t, phase)).map(([, n]) => n);
      messagePhases[name] = { count: bytes.length, total_bytes: bytes.reduce((a, b) => a + b, 0), largest_bytes: Math.max(0, ...bytes) };
    }
    const all = ['all', t0, t4];
    return {
      nodes,
      daemonsets,
      pods_wanted: want,
      desired_pods: pods.desired,
      ready_pods: pods.ready,
      apply_nodes_ms: applyNodesMs,
      settle_ms: settleMs,
      window_ms: t4 - t0,
      catch_up_ms: t4 - t3,
      cells_ready: shownCells,
      settled_line: settledLine?.trim().split('\n').at(-1) ?? null,
      trace_found: offset != null,
      tasks: offset == null ? null : summary(tasks.filter(([s]) => inWindow(s - offset, all)).map(([, d]) => d)),
      long_tasks: summary(shown.longTasks.filter((t) => inWindow(t.start, all)).map((t) => t.duration)),
      frame_gaps: summary(
        phases.filter((p) => p[0] !== 'paste_nodes').flatMap((p) => gaps(shown.frames.filter((t) => inPhase(t, p)))),
      ),
      phases: { tasks: taskPhases, long_tasks: longPhases, frame_gaps: framePhases, answers: messagePhases },
      ...(process.env.SETTLE_DEBUG ? { raw: { marks: { t0, tp, t1, t2, t3, t4 }, answers: shown.messages, long_tasks: shown.longTasks } } : {}),
    };
  } catch (error) {
    if (process.env.SETTLE_DEBUG) {
      await page.screenshot({ path: '/tmp/settle-failed.png' }).catch(() => {});
      console.error(await page.evaluate(() => [...document.querySelectorAll('.terminal .entry')].map((e) => e.innerText.slice(0, 200))).catch((e) => String(e)));
    }
    return { nodes, daemonsets, error: `did not finish: ${String(error.message).split('\n')[0]}` };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close().catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const site = await startServer(process.env.SETTLE_SITE ? { root: process.env.SETTLE_SITE } : {});
  const nodesArg = process.argv.indexOf('--nodes');
  const nodes = nodesArg >= 0 ? Number(process.argv[nodesArg + 1]) : SETTLE_NODES;
  console.log(JSON.stringify(await settleTasks(browser, site.url, { nodes }), null, 2));
  await site.close();
  await browser.close();
}

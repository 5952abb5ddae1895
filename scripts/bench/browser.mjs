// The browser half of scripts/bench.sh: runs the engine benchmark as WebAssembly in headless
// Chromium, measures the playground's frame rate while a rollout plays at 100x, and the time to
// a usable first render of the site and of a minimal Leptos page. Writes JSON files into --out.
//
//   node scripts/bench/browser.mjs --sizes 100,1000 --out target/bench
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { CHROMIUM } from '../../tests/e2e/harness.mjs';
import { daemonSet, nodeLists } from './manifests.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '100,1000').split(',').map(Number);
const out = resolve(arg('--out', 'target/bench'));
// --only engine,fps,load: run some parts again (the others' files stay as they are).
const only = new Set(arg('--only', 'engine,fps,load').split(','));
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const TIMEOUT = 30 * 60 * 1000;

/** The size of the run before each measured one (see wasmEngine). */
const WARM_UP_NODES = 50;

/** The engine scenarios in a fresh page per size (WebAssembly memory never shrinks). */
async function wasmEngine() {
  const server = await startServer({ root: join(out, 'wasm') });
  const rows = [];
  for (const n of sizes) {
    for (const scenario of ['create_and_label', 'rollout']) {
      const page = await browser.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
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

/** Applies YAML through the page's editor, as a user pastes it: through the clipboard and
 *  Ctrl+V. (Playwright's `fill` types the text with Chromium's insertText, whose cost grows with
 *  the square of the lines: about 40 s for one NodeList of 500 nodes, where a paste takes 1 s.) */
async function applyYaml(page, yaml) {
  const editor = page.getByRole('textbox', { name: 'Manifest' });
  await page.evaluate((text) => navigator.clipboard.writeText(text), yaml);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(
    ([text]) => document.querySelector('textarea[aria-label="Manifest"]')?.value === text,
    [yaml],
  );
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

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
  const before = await rolloutProgress(page);
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
  const cards = await page.locator('[aria-label="Nodes"] > li').count();
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

/** Milliseconds from navigation to the list named "Nodes" on screen, in a fresh context (no
 *  cache), the median of five loads. */
async function firstRender(root) {
  const server = await startServer({ root });
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(server.url);
    await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
    times.push(Date.now() - start);
    await context.close();
  }
  await server.close();
  times.sort((a, b) => a - b);
  return { median_ms: times[2], all_ms: times };
}

if (only.has('engine')) {
  const engine = await wasmEngine();
  writeFileSync(join(out, 'wasm.jsonl'), engine.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

if (only.has('fps')) {
  const site = await startServer();
  const fps = [];
  for (const n of [500, 5000]) {
    fps.push(await rolloutFps(site.url, n));
    console.log(`fps ${n}: ${fps.at(-1).fps?.toFixed(1) ?? fps.at(-1).error}`);
  }
  await site.close();
  writeFileSync(join(out, 'fps.json'), JSON.stringify(fps, null, 2));
}

if (only.has('load')) {
  const load = { site: await firstRender('dist'), hello: await firstRender(join(out, 'hello')) };
  writeFileSync(join(out, 'load.json'), JSON.stringify(load, null, 2));
}
await browser.close();

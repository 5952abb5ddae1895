// The paste part of scripts/bench/browser.mjs (issue 20: "a 10,000-node NodeList pasted into the
// page settles without the tab passing 300 MB"): one NodeList set into the real page's editor as a
// paste does, Apply, Settle until "settled at", while the tab's memory is sampled.
//
// The tab is Chromium's renderer process: the page and its Web Worker (the engine) both run in it,
// so its resident memory (/proc/PID/status VmRSS, sampled; VmHWM, the kernel's own high-water
// mark) is what the tab costs. The WebAssembly memories of the page and of the worker are read from
// hooks around WebAssembly.instantiate*; a WebAssembly memory never shrinks, so its size after the
// settle is also its peak.
//
// Run alone, `node scripts/bench/paste.mjs --real N` pastes a real cluster's `kubectl get nodes
// -o yaml` of N nodes (real-nodes.mjs, ~14 KB a node) into the built page (dist/) and prints the
// measures as JSON; `--synthetic N`, the benchmarks' 114-byte nodes. The text is pasted as a user
// pastes it, Ctrl+V from the clipboard (the editor then opens a long text read-only); `--value`
// sets it as the textarea's value instead (Chromium then builds the textarea's ~120,000 line
// nodes, garbage once the editor takes the text: ~5 MB more at the peak);
// `--dump`, memory-infra's dumps; `--css FILE`, a stylesheet added once the page is loaded (a
// probe of a style's cost); `--gc`, the page's garbage collected after the Apply (not a user's
// tab: how much of the peak is garbage).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, pasteManifest } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../tests/e2e/server.mjs';
import { pasteIntoEditor } from './editor.mjs';
import { nodeList } from './manifests.mjs';
import { realNodeList } from './real-nodes.mjs';

/** Wraps WebAssembly.instantiate{,Streaming} so that the instance's memory is kept on the global
 *  object as __benchWasmMemory (runs in the page, and is prepended to the worker's loader). */
function hookWasmMemory() {
  for (const fn of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[fn];
    WebAssembly[fn] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      const memory = (result.instance ?? result).exports?.memory;
      if (memory) globalThis.__benchWasmMemory = memory;
      return result;
    };
  }
}

/** Resident and peak resident bytes of a process, or null once it is gone. */
function residentBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** The pids of the browser's renderer processes (CDP SystemInfo.getProcessInfo). */
async function rendererPids(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** The WebAssembly memory sizes (bytes) of the page and of its worker, null where not found. */
async function wasmSizes(page) {
  const read = () => globalThis.__benchWasmMemory?.buffer.byteLength ?? null;
  const worker = page.workers()[0];
  return {
    page: await page.evaluate(read).catch(() => null),
    worker: worker ? await worker.evaluate(read).catch(() => null) : null,
  };
}

/** The page's JavaScript heap (CDP Performance.getMetrics), used and total bytes, and its DOM
 *  nodes. */
async function jsHeap(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return { used_bytes: get('JSHeapUsedSize'), total_bytes: get('JSHeapTotalSize'), dom_nodes: get('Nodes') };
}

/** The sum of DESIRED over the rows of the page's `kubectl get ds -A` table. */
function desiredPods(table) {
  const rows = table.split('\n').slice(1).map((line) => line.trim().split(/\s+/));
  return rows.reduce((sum, cols) => sum + (Number(cols[2]) || 0), 0);
}

/** The tab: the renderer whose memory rose highest (the others are spare or idle renderers). */
const tabOf = (samples) => [...samples].sort(([, a], [, b]) => b.peak - a.peak)[0];

/** Waits until the console transcript has more than `before` entries and its last entry's
 *  output contains `text`. Only the entries' count and the last one's output are read, at every
 *  frame: the tab's memory is measured meanwhile, and the innerText of every entry (the Apply's
 *  10,000 lines among them) at every frame was the bench's own garbage in it. */
async function moreEntries(page, text, before) {
  await page.waitForFunction(
    ([t, n]) => {
      const entries = document.querySelectorAll('.terminal .entry');
      return entries.length > n && entries[entries.length - 1].querySelector('.output')?.textContent.includes(t);
    },
    [text, before],
  );
}

/** The number of entries in the console transcript. */
const entryCount = (page) => page.evaluate(() => document.querySelectorAll('.terminal .entry').length);

/** The texts of the console transcript's entries that contain `text`. */
const entriesWith = (page, text) =>
  page.evaluate((t) => [...document.querySelectorAll('.terminal .entry')].map((e) => e.innerText).filter((s) => s.includes(t)), text);

/** Chromium's own account of a process's memory (memory-infra): a detailed dump of every
 *  process asked through the browser's CDP session while tracing `disabled-by-default-memory-infra`,
 *  read back when the trace ends. `dumps.take(label)` asks for one; `dumps.finish(pid)` ends the
 *  trace and returns, per label, the renderer's allocators in bytes (effective sizes, which count
 *  a block once where allocators share it). */
async function memoryDumps(cdp) {
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      excludedCategories: ['*'],
      memoryDumpConfig: { triggers: [] },
    },
    transferMode: 'ReturnAsStream',
  });
  const labels = [];
  return {
    async take(label) {
      const { dumpGuid, success } = await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
      if (success) labels.push([dumpGuid, label]);
    },
    async finish(pid) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await done;
      let text = '';
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
        text += base64Encoded ? Buffer.from(data, 'base64').toString() : data;
        if (eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      if (process.env.PASTE_TRACE_FILE) writeFileSync(process.env.PASTE_TRACE_FILE, text);
      const parsed = JSON.parse(text);
      const events = parsed.traceEvents ?? parsed;
      // A process's dump comes as several events of the dump's id: its allocators in some. The
      // ids, in the order the dumps were taken, are the labels' (the guid each request answered
      // named another dump's id in runs of 2026-12-07).
      const dumped = events.filter((e) => e.ph === 'v').sort((a, b) => a.ts - b.ts);
      const ids = [...new Set(dumped.map((e) => e.id))];
      const out = {};
      labels.forEach(([, label], i) => {
        const id = ids[i];
        const allocators = Object.assign(
          {},
          ...events.filter((e) => e.ph === 'v' && e.id === id && e.pid === pid).map((e) => e.args?.dumps?.allocators ?? {}),
        );
        out[label] = allocatorSizes(allocators);
      });
      return out;
    },
  };
}

/** The allocators of one process's dump as `{ name: bytes }`: the top-level ones and those one
 *  or two levels down that say where (v8's isolates and spaces, Oilpan's, PartitionAlloc's
 *  partitions, cc, malloc), effective sizes where given. */
function allocatorSizes(allocators) {
  const bytes = (attrs) => parseInt((attrs.effective_size ?? attrs.size)?.value ?? '0', 16);
  const out = {};
  for (const [name, { attrs }] of Object.entries(allocators)) {
    const depth = name.split('/').length;
    const keep =
      depth === 1 ||
      (/^(partition_alloc\/partitions|malloc|cc|gpu|skia|font_caches|blink_gc\/main|web_cache|discardable|shared_memory)\//.test(name) && depth <= 3) ||
      /^v8\/[^/]+\/isolate_[^/]+(\/heap(\/[^/]+)?|\/malloc|\/zone|\/code_stats)?$/.test(name) ||
      /^v8\/[^/]+\/isolate_[^/]+\/heap\/[^/]+$/.test(name);
    if (keep && attrs && (attrs.effective_size || attrs.size)) out[name] = bytes(attrs);
  }
  return out;
}

/** How often the renderers' memory is read. */
const SAMPLE_MS = 100;

/** Pastes `yaml` (a NodeList of `nodes` nodes) into the page at `siteUrl`, applies and settles it;
 *  returns the memory and times measured, or `{ nodes, error }`. `clipboard`: through the
 *  clipboard and Ctrl+V (a text over 256 KB), as a user pastes; false: by setting the
 *  textarea's value. */
export async function pasteMemory(browser, siteUrl, nodes, yaml, { clipboard = true, dump = false, css = null, gc = false } = {}) {
  // A probe's stylesheet (`css`) goes past the page's Content-Security-Policy.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: Boolean(css) });
  if (clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
  }
  await context.addInitScript(hookWasmMemory);
  // The worker's loader (importScripts of the engine's glue), with the same hook in front.
  await context.route(/worker_loader-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `(${hookWasmMemory})();\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  const cdp = await browser.newBrowserCDPSession();
  const page = await context.newPage();
  page.setDefaultTimeout(20 * 60 * 1000);
  const samples = new Map();
  const dumps = dump ? await memoryDumps(cdp) : null;
  let timer;
  try {
    await page.goto(siteUrl);
    await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
    // index.html's head starts the worker: it is usually there before the page is.
    if (page.workers().length === 0) await page.waitForEvent('worker', { timeout: 10000 }).catch(() => {});
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // The buttons found now, before the 10,000 nodes: a role query once they are there computes
    // the role and name of each of their cells (Playwright's garbage, in the tab measured).
    const applyButton = await page.getByRole('button', { name: 'Apply', exact: true }).elementHandle();
    const settleButton = await page.getByRole('button', { name: 'Settle', exact: true }).elementHandle();
    if (css) await page.addStyleTag({ content: css });
    const pids = await rendererPids(cdp);
    const sample = () => {
      for (const pid of pids) {
        const r = residentBytes(pid);
        if (!r) continue;
        const s = samples.get(pid) ?? { first: r.rss, firstAnon: r.anon, peak: 0, peakAnon: 0, peakFile: 0, peakShmem: 0, last: 0, lastAnon: 0, hwm: 0, n: 0 };
        s.peak = Math.max(s.peak, r.rss);
        s.peakAnon = Math.max(s.peakAnon, r.anon);
        s.peakFile = Math.max(s.peakFile, r.file);
        s.peakShmem = Math.max(s.peakShmem, r.shmem);
        s.last = r.rss;
        s.lastAnon = r.anon;
        s.hwm = r.hwm;
        s.n += 1;
        samples.set(pid, s);
      }
    };
    sample();
    timer = setInterval(sample, SAMPLE_MS);
    const loaded = await wasmSizes(page);
    await dumps?.take('loaded');

    await (clipboard ? pasteIntoEditor(page, yaml) : pasteManifest(page, yaml));
    await dumps?.take('pasted');
    const entries = await entryCount(page);
    const applyStart = Date.now();
    await applyButton.click();
    await moreEntries(page, '', entries);
    const applyMs = Date.now() - applyStart;
    sample();
    const appliedRss = new Map([...samples].map(([p, s]) => [p, s.last]));
    const applied = await wasmSizes(page);
    await dumps?.take('applied');
    // `gc`: the page's garbage collected here (V8's and, with it, Oilpan's), which a tab does only
    // when its heuristics say: how much of the peak is garbage left from the paste and the Apply.
    if (gc) {
      const session = await page.context().newCDPSession(page);
      await session.send('HeapProfiler.collectGarbage');
      await session.detach();
      await dumps?.take('collected');
    }

    const settledBefore = await entryCount(page);
    const settleStart = Date.now();
    await settleButton.click();
    await moreEntries(page, 'settled at', settledBefore);
    const settleMs = Date.now() - settleStart;
    sample();
    clearInterval(timer);
    const settled = await wasmSizes(page);
    await dumps?.take('settled');
    const heap = await jsHeap(page);
    const pods = await page.locator('pre.ds-table').innerText().then(desiredPods).catch(() => null);
    const settledLine = (await entriesWith(page, 'settled at')).at(-1);
    const [pid, tab] = tabOf(samples);
    const memory_infra = dumps ? await dumps.finish(pid) : undefined;
    return {
      nodes,
      yaml_bytes: yaml.length,
      pasted_by: clipboard ? 'clipboard' : 'value',
      renderers: pids.length,
      renderer_pid: pid,
      samples: tab.n,
      sample_ms: SAMPLE_MS,
      renderer_rss_loaded_bytes: tab.first,
      renderer_peak_rss_bytes: tab.peak,
      renderer_hwm_bytes: tab.hwm,
      renderer_applied_rss_bytes: appliedRss.get(pid) ?? null,
      renderer_settled_rss_bytes: tab.last,
      renderer_anon_loaded_bytes: tab.firstAnon,
      renderer_anon_peak_bytes: tab.peakAnon,
      renderer_anon_settled_bytes: tab.lastAnon,
      renderer_file_peak_bytes: tab.peakFile,
      renderer_shmem_peak_bytes: tab.peakShmem,
      page_js_heap_settled: heap,
      desired_pods: pods,
      wasm_page_bytes: { loaded: loaded.page, applied: applied.page, settled: settled.page },
      wasm_worker_bytes: { loaded: loaded.worker, applied: applied.worker, settled: settled.worker },
      apply_ms: applyMs,
      settle_ms: settleMs,
      settled_line: settledLine?.trim().split('\n').at(-1) ?? null,
      memory_infra,
    };
  } catch (error) {
    return { nodes, error: `did not finish: ${String(error.message).split('\n')[0]}` };
  } finally {
    clearInterval(timer);
    await cdp.detach().catch(() => {});
    await context.close().catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const real = process.argv.indexOf('--real');
  const synthetic = process.argv.indexOf('--synthetic');
  const nodes = Number(process.argv[Math.max(real, synthetic) + 1] ?? 1000);
  const yaml = real >= 0 ? realNodeList(nodes) : nodeList(nodes);
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const siteAt = process.argv.indexOf('--site');
  const site = await startServer(siteAt >= 0 ? { root: process.argv[siteAt + 1] } : {});
  const clipboard = !process.argv.includes('--value');
  const dump = process.argv.includes('--dump');
  // `--css FILE`: a stylesheet added to the page once it is loaded, to measure a style's cost.
  const cssAt = process.argv.indexOf('--css');
  const css = cssAt >= 0 ? readFileSync(process.argv[cssAt + 1], 'utf8') : null;
  const gc = process.argv.includes('--gc');
  const result = await pasteMemory(browser, site.url, nodes, yaml, { clipboard, dump, css, gc });
  console.log(JSON.stringify({ shape: real >= 0 ? 'real' : 'synthetic', clipboard, ...result }, null, 2));
  await site.close();
  await browser.close();
}

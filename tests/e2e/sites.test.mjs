// Embeds in sites built by the real tools, as an author builds them (issue 23): an mdBook book with
// the mdbook-daemonset preprocessor, a Hugo site with the shortcode of docs/embed/ and a raw
// <pre> block, and an MkDocs site on the Material theme's dark palette. Each has two embeds and is served from another site (`localhost`) than the
// playground; both embeds must run, take their content's height, and share one download of the
// app. A tool that is not installed (scripts/setup.sh --browser installs them) skips its test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { daemonSetYaml, lightness, screenshot, start } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** MkDocs' Material theme: among mkdocs' themes (Debian's package) or a Python module (PyPI's). */
function material() {
  if (existsSync('/usr/share/mkdocs/themes/material')) return true;
  try {
    execFileSync('python3', ['-c', 'import material'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function installed(tool) {
  try {
    execFileSync(tool, [tool === 'hugo' ? 'version' : '--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}


let ctx;
let work;
const servers = [];
before(async () => {
  ctx = await start();
  work = mkdtempSync(join(tmpdir(), 'dsplay-sites-'));
});
after(async () => {
  for (const s of servers) await s.close();
  await ctx?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Serves a built site's folder under /daemonset-playground/ of its own server, opened as
 *  `localhost` (another site than the playground's 127.0.0.1). */
async function serve(root) {
  const server = await startServer({ root });
  servers.push(server);
  return server.url.replace('127.0.0.1', 'localhost');
}

/** The lightness (0 dark … 1 light) of the background of the first embed of `page`. */
async function firstEmbedLightness(page) {
  return lightness(await (await page.locator('daemonset-playground iframe').first().elementHandle()).contentFrame());
}

/** Opens `url`, then checks its two embeds: running (the pods of `names`), sized by their
 *  content, and one download of the app for both. Returns the page. */
async function checkTwoEmbeds(url, names, shot) {
  const { page, log } = await ctx.open({ viewport: { width: 1100, height: 2600 } });
  const from = ctx.server.hits.length;
  await page.goto(url, { waitUntil: 'networkidle' });
  const frames = page.locator('daemonset-playground iframe');
  await frames.nth(1).waitFor();
  assert.equal(await frames.count(), 2);
  for (let i = 0; i < 2; i++) {
    const frame = await (await frames.nth(i).elementHandle()).contentFrame();
    const nodes = frame.getByRole('list', { name: 'Nodes', exact: true });
    await nodes.waitFor();
    await nodes.locator('.pod-name', { hasText: names[i] }).first().waitFor();
    let fitted = false;
    for (let t = 0; t < 50 && !fitted; t++) {
      const outer = await frames.nth(i).evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      fitted = Math.abs(outer - inner) <= 1 && outer !== 480;
      if (!fitted) await page.waitForTimeout(100);
    }
    assert.ok(fitted, `embed ${i} takes its content's height`);
  }
  const wasm = ctx.server.hits.slice(from).filter((h) => h.endsWith('.wasm'));
  assert.equal(wasm.length, 2, 'one download of each module (the page and the worker) for both embeds');
  assert.equal(new Set(wasm).size, 2, 'one download of each module for both embeds');
  await screenshot(page, shot);
  assert.deepEqual(log.errors.filter((e) => !e.includes('favicon')), []);
  return page;
}

test('an mdBook book with ```daemonset blocks (mdbook-daemonset) shows two running embeds, on its coal theme dark', { skip: !installed('mdbook') && 'mdbook is not installed (scripts/setup.sh --browser)' }, async () => {
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'mdbook-daemonset'], { cwd: ROOT, stdio: 'inherit' });
  const book = join(work, 'book');
  mkdirSync(join(book, 'src'), { recursive: true });
  writeFileSync(join(book, 'book.toml'), `[book]
title = "DaemonSets"

[preprocessor.daemonset]
command = "${join(ROOT, 'target/debug/mdbook-daemonset')}"
url = "${ctx.server.url}"

[output.html]
default-theme = "coal"
preferred-dark-theme = "coal"
`);
  writeFileSync(join(book, 'src/SUMMARY.md'), '# Summary\n\n- [DaemonSets](daemonsets.md)\n');
  writeFileSync(join(book, 'src/daemonsets.md'), `# DaemonSets

One pod on every node:

\`\`\`daemonset nodes=3 title="One pod per node"
${daemonSetYaml('book-agent')}\`\`\`

And on two nodes, with the clock running:

\`\`\`daemonset nodes=2 autoplay title="Two nodes"
${daemonSetYaml('book-other')}\`\`\`
`);
  execFileSync('mdbook', ['build', book], { stdio: 'inherit' });
  const site = await serve(join(book, 'book'));
  const page = await checkTwoEmbeds(`${site}daemonsets.html`, ['book-agent', 'book-other'], 'sites-mdbook');
  // The coal theme is dark: so is an auto embed.
  const light = await firstEmbedLightness(page);
  assert.ok(light < 0.3, `dark on coal: ${light}`);
});

test('a Hugo site with the shortcode and a raw <pre> block (goldmark unsafe) shows two running embeds', { skip: !installed('hugo') && 'hugo is not installed (scripts/setup.sh --browser)' }, async () => {
  const site = join(work, 'hugo');
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  mkdirSync(join(site, 'layouts/shortcodes'), { recursive: true });
  mkdirSync(join(site, 'content'), { recursive: true });
  // Raw HTML in Markdown needs goldmark's unsafe renderer; the shortcode does not.
  writeFileSync(join(site, 'config.toml'), `baseURL = "http://localhost/daemonset-playground/"
title = "DaemonSets"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[params]
daemonset_playground = "${ctx.server.url}"
[markup.goldmark.renderer]
unsafe = true
`);
  writeFileSync(join(site, 'layouts/_default/single.html'),
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n');
  writeFileSync(join(site, 'layouts/_default/list.html'), '<!DOCTYPE html>\n<html><body>{{ .Content }}</body></html>\n');
  copyFileSync(join(ROOT, 'docs/embed/daemonset.html'), join(site, 'layouts/shortcodes/daemonset.html'));
  writeFileSync(join(site, 'content/tutorial.md'), `---
title: A tutorial
---
# DaemonSets

{{< daemonset nodes="3" title="One pod per node" >}}
# <kubectl> & "quotes" stay as written
${daemonSetYaml('hugo-agent')}{{< /daemonset >}}

<pre class="daemonset-playground" data-nodes="2" data-title="Raw block">
${daemonSetYaml('hugo-other')}</pre>
`);
  execFileSync('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], { stdio: 'inherit' });
  const served = await serve(join(site, 'public'));
  const page = await checkTwoEmbeds(`${served}tutorial/`, ['hugo-agent', 'hugo-other'], 'sites-hugo');
  // The shortcode escaped the YAML once: the embed reads it as written.
  const frame = await (await page.locator('daemonset-playground iframe').first().elementHandle()).contentFrame();
  assert.match(await frame.locator('.embed-manifest pre').textContent(), /^# <kubectl> & "quotes" stay as written\n/);
});

test('an MkDocs site on Material\'s dark palette shows two running embeds, dark', { skip: !(installed('mkdocs') && material()) && 'mkdocs or its Material theme is not installed (scripts/setup.sh --browser)' }, async () => {
  const site = join(work, 'mkdocs');
  mkdirSync(join(site, 'docs'), { recursive: true });
  writeFileSync(join(site, 'mkdocs.yml'), `site_name: DaemonSets
theme:
  name: material
  # No web fonts: the test makes no request off the machine.
  font: false
  palette:
    scheme: slate
extra_javascript:
  - ${ctx.server.url}embed.js
`);
  writeFileSync(join(site, 'docs/index.md'), `# DaemonSets

One pod on every node:

<pre class="daemonset-playground" data-nodes="3" data-title="One pod per node">
${daemonSetYaml('docs-agent')}</pre>

And on two nodes:

<pre class="daemonset-playground" data-nodes="2" data-title="Two nodes">
${daemonSetYaml('docs-other')}</pre>
`);
  execFileSync('mkdocs', ['build', '--quiet', '--config-file', join(site, 'mkdocs.yml'), '--site-dir', join(site, 'site')], { stdio: 'inherit' });
  const served = await serve(join(site, 'site'));
  const page = await checkTwoEmbeds(served, ['docs-agent', 'docs-other'], 'sites-mkdocs');
  const light = await firstEmbedLightness(page);
  assert.ok(light < 0.3, `dark on slate: ${light}`);
});

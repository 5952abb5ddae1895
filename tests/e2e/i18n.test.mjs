// Issue 11: the playground in English, Simplified Chinese and Traditional Chinese. The main flow
// in each language (apply nodes and a DaemonSet, settle, pods Ready, Why? on a node, a console
// command): the playground's words are translated, what Kubernetes prints is not. The language
// follows the browser, is switched in the page, remembered, and carried by links and embeds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshotFromTop, settledLink, start, outputText } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

// The words the test looks for, per language (from src/i18n/*.rs).
const LANGS = [
  {
    tag: 'en',
    locale: 'en-US',
    name: 'English',
    words: {
      nodes: 'Nodes', manifest: 'Manifest', apply: 'Apply', settle: 'Settle', pause: 'Pause',
      console: 'Console', why: 'Why?', language: 'Language', addNode: 'Add node',
      tagline: 'A Kubernetes DaemonSet simulator that runs in your browser.',
      fits: /Pod: worker-a runs the DaemonSet's pod|Pod: nothing keeps the DaemonSet off worker-a/,
      blocked: 'No pod: worker-b has taint dedicated=db:NoSchedule, which the DaemonSet does not tolerate',
      whyNo: 'Why no default/log-agent pod on worker-b?',
      openInPlayground: 'Open in playground',
    },
  },
  {
    tag: 'zh-Hans',
    locale: 'zh-CN',
    name: '简体中文',
    words: {
      nodes: '节点', manifest: '清单', apply: '应用', settle: '运行到稳定', pause: '暂停',
      console: '控制台', why: '为什么？', language: '语言', addNode: '添加节点',
      tagline: '在浏览器中运行的 Kubernetes 守护进程集（DaemonSet）模拟器。',
      fits: /有 Pod：/,
      blocked: '没有 Pod：worker-b 有污点 dedicated=db:NoSchedule，而该 DaemonSet 不容忍它',
      whyNo: '为什么 worker-b 上没有 default/log-agent 的 Pod？',
      openInPlayground: '在 Playground 中打开',
    },
  },
  {
    tag: 'zh-Hant',
    locale: 'zh-TW',
    name: '繁體中文',
    words: {
      nodes: '節點', manifest: '資訊清單', apply: '套用', settle: '執行到穩定', pause: '暫停',
      console: '主控台', why: '為什麼？', language: '語言', addNode: '新增節點',
      tagline: '在瀏覽器中執行的 Kubernetes DaemonSet（守護行程集）模擬器。',
      fits: /有 Pod：/,
      blocked: '沒有 Pod：worker-b 有污點 dedicated=db:NoSchedule，而此 DaemonSet 不容忍它',
      whyNo: '為什麼 worker-b 上沒有 default/log-agent 的 Pod？',
      openInPlayground: '在 Playground 中開啟',
    },
  },
];

const YAML = `apiVersion: v1
kind: Node
metadata:
  name: worker-a
---
apiVersion: v1
kind: Node
metadata:
  name: worker-b
spec:
  taints:
  - key: dedicated
    value: db
    effect: NoSchedule
---
apiVersion: apps/v1
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

const nodes = (page, w) => page.getByRole('list', { name: w.nodes, exact: true });
const card = (page, w, name) => nodes(page, w).getByRole('listitem', { name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Runs a console line (the prompt found by its name in the page's language); its output. */
async function run(page, w, line) {
  const box = page.getByRole('textbox', { name: w.console, exact: true });
  const count = await page.locator('.terminal .entry').count();
  await box.fill(line);
  await box.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length > n, count);
  return outputText(page.locator('.terminal .entry .output').last());
}

/** Waits until `locator`'s text matches `pattern`. */
async function textMatches(page, locator, pattern) {
  let text = '';
  for (let i = 0; i < 100; i++) {
    text = await locator.innerText();
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  assert.fail(`expected ${pattern} in ${JSON.stringify(text)}`);
}

for (const { tag, locale, words: w } of LANGS) {
  test(`the main flow in ${tag}, from a ${locale} browser`, async () => {
    const { page, log } = await ctx.open({ locale });
    await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
    await nodes(page, w).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), tag);
    assert.equal(await page.locator('.tagline').innerText(), w.tagline);
    assert.equal(await page.getByRole('combobox', { name: w.language }).inputValue(), tag);

    await button(page, w.pause).click();
    await page.getByRole('textbox', { name: w.manifest, exact: true }).fill(YAML);
    await button(page, w.apply).click();
    // kubectl's words stay kubectl's.
    const transcript = page.locator('.terminal');
    await transcript.getByText('daemonset.apps/log-agent created').waitFor();
    await transcript.getByText('node/worker-b created').waitFor();
    await button(page, w.settle).click();
    // Pod states are kubectl's too.
    await textMatches(page, card(page, w, 'worker-a'), /log-agent-\w{5}\s+Ready/);

    // The empty slot asks why in the page's language; Why? answers in it, the taint verbatim.
    await card(page, w, 'worker-b').getByRole('button', { name: w.whyNo }).waitFor();
    await card(page, w, 'worker-b').getByRole('button', { name: 'worker-b', exact: true }).click();
    const why = page.getByRole('region', { name: w.why });
    await why.getByText('default/log-agent').waitFor();
    assert.ok((await why.innerText()).includes(w.blocked), await why.innerText());
    await card(page, w, 'worker-a').getByRole('button', { name: 'worker-a', exact: true }).click();
    await textMatches(page, why, w.fits);

    // A console command: kubectl's table, untranslated.
    const out = await run(page, w, 'kubectl get ds log-agent');
    assert.match(out, /NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE/);
    assert.match(out, /log-agent\s+3\s+3\s+3\s+3\s+3/);
    assert.deepEqual(log.errors, []);
    await screenshotFromTop(page, `i18n-${tag}`);

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    await screenshotFromTop(page, `i18n-${tag}-phone`);
  });
}

test('the language is switched in the page, remembered after a reload, and carried by a link', async () => {
  const [en, , hant] = LANGS;
  const { page } = await ctx.open({ locale: 'en-US' });
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(page, en.words).waitFor();
  await page.getByRole('combobox', { name: en.words.language }).selectOption({ label: hant.name });
  await nodes(page, hant.words).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
  await button(page, hant.words.addNode).waitFor();
  // A console command's output is the same in any language.
  assert.match(await run(page, hant.words, 'kubectl get nodes'), /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);

  const link = await settledLink(page);
  await page.reload({ waitUntil: 'networkidle' });
  await nodes(page, hant.words).waitFor();
  // Remembered without the link too.
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await nodes(page, hant.words).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('dsplay:lang')), 'zh-Hant');

  // The link opens in Traditional Chinese in a fresh English browser.
  const fresh = await ctx.open({ locale: 'en-US' });
  await fresh.page.goto(link, { waitUntil: 'networkidle' });
  await nodes(fresh.page, hant.words).waitFor();
  assert.equal(await fresh.page.locator('html').getAttribute('lang'), 'zh-Hant');
  // ... and only opening it does not change that browser's own choice.
  assert.equal(await fresh.page.evaluate(() => localStorage.getItem('dsplay:lang')), null);
  assert.deepEqual(fresh.log.errors, []);
});

test('an embed pins its language with ?lang=', async () => {
  const [, hans] = LANGS;
  const { page } = await ctx.open({ locale: 'en-US' });
  const scenario = Buffer.from(JSON.stringify({ nodes: 2 })).toString('base64url');
  await page.goto(`${ctx.server.url}?embed=1&lang=zh-Hans#j1:${scenario}`, { waitUntil: 'networkidle' });
  await nodes(page, hans.words).waitFor();
  await page.getByRole('link', { name: hans.words.openInPlayground }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
});

test('an old link without a language opens in the browser\'s', async () => {
  const [, , hant] = LANGS;
  const { page } = await ctx.open({ locale: 'zh-HK' });
  const scenario = Buffer.from(JSON.stringify({ nodes: 1 })).toString('base64url');
  await page.goto(`${ctx.server.url}#j1:${scenario}`, { waitUntil: 'networkidle' });
  await nodes(page, hant.words).waitFor();
  await page.getByRole('alert').waitFor({ state: 'detached', timeout: 100 }).catch(() => {});
  assert.equal(await page.getByRole('alert').count(), 0);
});

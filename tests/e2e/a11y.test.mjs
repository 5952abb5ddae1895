// Accessibility (issue 18): axe-core finds no violation on the page in its main states: fresh,
// a rollout in progress, an error shown, a dialog open, a lesson open, both themes and each
// language. Each violation is listed with its rule, impact and the elements it names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { nodeList, pasteManifest, runInConsole as run, start } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

/** axe-core's violations on the page as it is now (WCAG 2.x A and AA, and best practices). */
async function violations(page) {
  // Evaluated, not injected as a <script>: the page's Content-Security-Policy allows no inline
  // script, and the test must not weaken it.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    // Chips fading out (aria-hidden, mid-animation) are not what the reader sees.
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 3).join(' ')}`),
    }));
  });
  return found;
}

function report(list) {
  return list.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n');
}

async function opened(options, url = ctx.server.url) {
  const { page, log } = await ctx.open(options);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('.node-grid').waitFor();
  return { page, log };
}

for (const colorScheme of ['light', 'dark']) {
  test(`the fresh page, ${colorScheme}`, async () => {
    const { page } = await opened({ colorScheme, viewport: { width: 1280, height: 900 } });
    await page.waitForTimeout(3000);
    const v = await violations(page);
    assert.equal(v.length, 0, report(v));
  });

  test(`a rollout in progress, ${colorScheme}`, async () => {
    const { page } = await opened({ colorScheme, viewport: { width: 1280, height: 900 } });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await run(page, 'sim settle');
    await run(page, 'kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
    await run(page, 'sim advance 1500ms');
    await page.locator('.pod-chip.rev-old').first().waitFor();
    await page.waitForTimeout(800);
    const v = await violations(page);
    assert.equal(v.length, 0, report(v));
  });
}

test('an error shown, and the Share dialog open', async () => {
  const { page } = await opened({ viewport: { width: 1280, height: 900 } });
  const editor = page.getByRole('textbox', { name: 'Manifest', exact: true });
  await editor.fill('apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  replicas: 2\n');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.locator('.apply-error, [role=alert]').first().waitFor();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('textbox', { name: 'Link' }).waitFor();
  const v = await violations(page);
  assert.equal(v.length, 0, report(v));
});

test('the keyboard shortcuts dialog', async () => {
  const { page } = await opened({ viewport: { width: 1280, height: 900 } });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByRole('dialog').waitFor();
  const v = await violations(page);
  assert.equal(v.length, 0, report(v));
});

for (const [lang, locale] of [['en', 'en-US'], ['zh-Hans', 'zh-CN'], ['zh-Hant', 'zh-TW']]) {
  test(`a lesson open, ${lang}`, async () => {
    const { page } = await opened({ locale, viewport: { width: 1280, height: 900 } }, `${ctx.server.url}?lesson=taints-and-drain`);
    await page.locator('.lesson').waitFor();
    await page.locator('.lesson button').first().click();
    const v = await violations(page);
    assert.equal(v.length, 0, report(v));
  });
}

test('a phone', async () => {
  const { page } = await opened({ viewport: { width: 390, height: 844 } });
  const v = await violations(page);
  assert.equal(v.length, 0, report(v));
});

// The dense view: its cells are list items of the Nodes list across the grid's chunks
// (src/components/dense.rs), one selected, the cells of later chunks not yet laid out.
test('the dense grid of 600 nodes, a cell selected', async () => {
  const { page } = await opened({ viewport: { width: 1280, height: 900 } });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await pasteManifest(page, nodeList(600, (i) => `    name: n-${String(i).padStart(4, '0')}\n`));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.dense-grid .dense-cell[aria-label]').length === 603);
  const nodes = page.getByRole('list', { name: 'Nodes', exact: true });
  assert.equal(await nodes.getByRole('listitem').count(), 603, 'every cell a list item of the Nodes list');
  await nodes.getByRole('listitem', { name: 'n-0500', exact: true }).click();
  await page.getByRole('list', { name: 'Selected node', exact: true }).getByRole('listitem', { name: 'n-0500', exact: true }).waitFor();
  // The card's chips fade in (0.4 s): their colours mid-animation are not what the reader sees.
  // An animation cancelled meanwhile (its chip drawn again by a later answer) rejects `finished`
  // with an AbortError: it is over too.
  await page.evaluate(() => Promise.all(document.querySelector('.dense-detail').getAnimations({ subtree: true })
    .filter((a) => a.effect.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))));
  const v = await violations(page);
  assert.equal(v.length, 0, report(v));
});

// The manifest editor with a long text: the line numbers and the colours are drawn only for the
// lines near the view (src/components/editor/lines.rs), so they must follow the scroll, line up
// with the textarea's lines, and mark an error far down.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pasteManifest, screenshot, SCREENSHOTS, start, nodeList } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

/** A NodeList of `count` nodes, eight lines a node after its three lines of head. */
const longNodes = (count) =>
  nodeList(count, (i) => `    name: long-${i}\n    labels:\n      zone: z${i % 3}\n      # node ${i}\n      disk: "ssd"`);

async function open() {
  const { page } = await ctx.open();
  await page.goto(ctx.server.url, { waitUntil: 'networkidle' });
  await page.getByRole('list', { name: 'Nodes', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return page;
}

/** What the frame shows at its vertical middle: the gutter's number there, the highlight's
 *  line there (its text and coloured pieces) and the textarea's line at that height. */
const atMiddle = (page) =>
  page.evaluate(() => {
    const frame = document.querySelector('.editor-frame');
    const box = frame.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const hit = (list) => [...list].find((e) => {
      const r = e.getBoundingClientRect();
      return r.top <= y && y < r.bottom;
    });
    const numbers = [...document.querySelectorAll('.gutter span')];
    const number = hit(numbers);
    const line = document.querySelectorAll('.highlight .line')[numbers.indexOf(number)];
    const area = document.querySelector('#editor textarea');
    const style = getComputedStyle(area);
    // The textarea's line at the height of the middle of that number: its lines are as far
    // apart as its rows.
    const { top, height } = number.getBoundingClientRect();
    const areaBox = area.getBoundingClientRect();
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const pitch = (areaBox.height - padding) / area.rows;
    const areaLine = Math.floor((top + height / 2 - areaBox.top - parseFloat(style.paddingTop)) / pitch);
    return {
      number: Number(number.innerText),
      numberTop: number.getBoundingClientRect().top,
      lineTop: line.getBoundingClientRect().top,
      text: line.innerText,
      colours: [...line.querySelectorAll('span')].map((s) => s.className),
      areaText: area.value.split('\n')[areaLine],
      drawn: document.querySelectorAll('.highlight .line').length,
      numbers: document.querySelectorAll('.gutter span').length,
    };
  });

test('a long text scrolled far down shows the right line numbers and colours, in line with the text', async () => {
  const page = await open();
  const yaml = longNodes(2000);
  const lines = yaml.split('\n').length;
  await pasteManifest(page, yaml);
  const frame = page.locator('.editor-frame');
  for (const fraction of [0, 0.37, 0.999]) {
    await frame.evaluate((el, f) => { el.scrollTop = f * (el.scrollHeight - el.clientHeight); }, fraction);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    const seen = await atMiddle(page);
    assert.equal(seen.text, yaml.split('\n')[seen.number - 1], `line ${seen.number}: the highlight draws that line`);
    assert.equal(seen.areaText, seen.text, `line ${seen.number}: the textarea has the same line there`);
    // (An inline line box starts its half-leading, about 1 px, below a block of the same line.)
    assert.ok(Math.abs(seen.numberTop - seen.lineTop) < 3, `number and line at one height: ${seen.numberTop} ${seen.lineTop}`);
    if (seen.text.trim()) assert.ok(seen.colours.length > 0, `line ${seen.number} is coloured: ${seen.colours}`);
    assert.ok(seen.drawn < 300 && seen.numbers < 300, `only lines near the view are drawn (${seen.drawn} of ${lines})`);
  }
  await page.locator('.editor-frame').evaluate((el) => { el.scrollTop = el.scrollHeight * 0.37; });
  await page.waitForTimeout(100);
  await page.locator('#editor').screenshot({ path: `${SCREENSHOTS}editor-long-text.png` });
});

test('an error on a line far down is marked there, and Show line brings it into view', async () => {
  const page = await open();
  const bad = `${longNodes(2000)}  - broken: [\n`;
  const badLine = bad.split('\n').length - 1;
  await pasteManifest(page, bad);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const alert = page.locator('#editor-error');
  await alert.getByText('Apply failed').waitFor();
  const line = Number((await alert.innerText()).match(/line (\d+)/)[1]);
  assert.ok(line > badLine - 3, `the error is near the end (line ${line} of ${badLine})`);
  await alert.getByRole('button', { name: `Show line ${line}` }).click();
  const mark = page.locator('.gutter .error-line');
  await mark.waitFor();
  assert.equal(await mark.innerText(), String(line));
  assert.ok(await mark.isVisible());
  const inFrame = await page.evaluate(() => {
    const frame = document.querySelector('.editor-frame').getBoundingClientRect();
    const m = document.querySelector('.gutter .error-line').getBoundingClientRect();
    return m.top >= frame.top && m.bottom <= frame.bottom;
  });
  assert.ok(inFrame, 'the marked line is in the frame\'s view');
  assert.equal(await page.locator('.highlight .line.error-line').count(), 1, 'the line is underlined');
  await screenshot(page, 'editor-error-far-down');
});

test('a text over 256 KB opens read-only: coloured and numbered, Ctrl+Enter applies, Show line finds the error, Edit anyway gives the textarea back', async () => {
  const page = await open();
  const bad = `${longNodes(3000)}  - broken: [\n`;
  assert.ok(bad.length > 256 * 1024, `${bad.length} bytes`);
  // Pasted where a reader pastes: into the focused textarea.
  await page.locator('#editor textarea').focus();
  await pasteManifest(page, bad);
  const notice = page.locator('#editor-large');
  await notice.getByText(/A long text, 0\.\d MB in 24,?005 lines: shown read-only/).waitFor();
  assert.equal(await page.locator('#editor textarea').count(), 0, 'no textarea holds the long text');
  const frame = page.getByRole('textbox', { name: 'Manifest', exact: true });
  assert.equal(await frame.getAttribute('aria-readonly'), 'true');
  await page.waitForFunction(() => document.activeElement?.classList.contains('editor-frame'));
  // The `e` shortcut finds it too.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.activeElement?.classList.contains('editor-frame'));

  // Scrolled to the middle: the numbers and the colours of those lines.
  await page.locator('.editor-frame').evaluate((el) => { el.scrollTop = (el.scrollHeight - el.clientHeight) / 2; });
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  const middle = await page.evaluate(() => {
    const box = document.querySelector('.editor-frame').getBoundingClientRect();
    const y = box.top + box.height / 2;
    const numbers = [...document.querySelectorAll('.gutter span')];
    const number = numbers.find((e) => { const r = e.getBoundingClientRect(); return r.top <= y && y < r.bottom; });
    const line = document.querySelectorAll('.highlight .line')[numbers.indexOf(number)];
    return { number: Number(number.innerText), text: line.innerText };
  });
  assert.ok(middle.number > 11_000 && middle.number < 13_000, `line ${middle.number} in the middle`);
  assert.equal(middle.text, bad.split('\n')[middle.number - 1]);
  await page.locator('#editor').screenshot({ path: `${SCREENSHOTS}editor-read-only.png` });

  // Ctrl+Enter on the read-only text applies it: the error names the last line.
  await frame.press('Control+Enter');
  const alert = page.locator('#editor-error');
  await alert.getByText('Apply failed').waitFor();
  const line = Number((await alert.innerText()).match(/line (\d+)/)[1]);
  await alert.getByRole('button', { name: `Show line ${line}` }).click();
  const mark = page.locator('.gutter .error-line');
  await mark.waitFor();
  assert.equal(await mark.innerText(), String(line));

  // Edit anyway: the textarea, with the whole text, focused.
  await notice.getByRole('button', { name: 'Edit anyway', exact: true }).click();
  const area = page.locator('#editor textarea');
  await area.waitFor();
  assert.equal(await area.inputValue(), bad);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  assert.equal(await notice.count(), 0);
  // A short text, then a long one again: read-only again.
  await pasteManifest(page, 'apiVersion: v1\nkind: Node\nmetadata:\n  name: short\n');
  await area.waitFor();
  await page.evaluate((t) => {
    const el = document.querySelector('#editor textarea');
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, bad);
  await notice.waitFor();
  assert.equal(await page.locator('#editor textarea').count(), 0);
});

test('a long text pasted with Ctrl+V replaces the selection and opens read-only without going through the textarea', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.server.url).origin });
  const long = longNodes(3000);
  await page.evaluate((text) => navigator.clipboard.writeText(text), long);
  const area = page.locator('#editor textarea');
  await area.focus();
  // The caret at the end of the default text: the editor's frame scrolled to show it.
  await area.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.locator('.editor-frame').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // Chromium's own paste of 24,000 lines into a textarea takes minutes; this is at once.
  await page.locator('#editor-large').waitFor({ timeout: 10_000 });
  // The new text from its first line, not at the old text's scroll.
  await page.waitForFunction(() => document.activeElement?.classList.contains('editor-frame'));
  assert.equal(await page.locator('.editor-frame').evaluate((el) => el.scrollTop), 0);
  assert.equal(await page.locator('.gutter span').first().innerText(), '1');
  await page.getByRole('button', { name: 'Edit anyway', exact: true }).click();
  assert.equal(await area.inputValue(), long, 'the pasted text replaced the whole text');
});

test('a long text put into the textarea by a script opens read-only before the next frame, not after the model answers', async () => {
  const page = await open();
  const long = longNodes(3000);
  // The value set and the input event dispatched in one task; then only microtasks (the page's
  // effects), so no message from the model's worker can come in between.
  const shown = await page.locator('#editor textarea').evaluate(async (el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 100; i++) await Promise.resolve();
    return { textarea: document.querySelector('#editor textarea') !== null, large: document.querySelector('#editor-large') !== null };
  }, long);
  // Otherwise Chromium lays out each of its 24,000 lines in the textarea first (issue 20).
  assert.deepEqual(shown, { textarea: false, large: true });
  await page.getByRole('button', { name: 'Edit anyway', exact: true }).click();
  assert.equal(await page.locator('#editor textarea').inputValue(), long, 'the model has the text');
});

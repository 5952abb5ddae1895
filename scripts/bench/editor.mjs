// The benches put manifests into the page's editor the way a reader does: one helper for all.

/** Texts longer than this open read-only in the editor (`#editor-large`) instead of the
 *  textarea (src/components/editor*). */
const LARGE_TEXT = 256 * 1024;

/** Pastes `yaml` as a user does: the clipboard, Ctrl+A, Ctrl+V into the editor, and waits until
 *  the editor holds it. A long text opens read-only (`#editor-large`), whose click ("Edit
 *  anyway") gives the textarea back for the next paste. (Playwright's `fill` types with
 *  Chromium's insertText, whose cost grows with the square of the lines: about 40 s for a
 *  NodeList of 500 nodes, where a paste takes 1 s; setting the textarea's value builds line
 *  nodes a real paste never makes.) The context needs the clipboard permissions. */
export async function pasteIntoEditor(page, yaml) {
  await page.evaluate((text) => navigator.clipboard.writeText(text), yaml);
  const editor = page.locator('#editor textarea');
  if (await editor.isVisible()) {
    await editor.focus();
  } else {
    await page.locator('#editor-large').click();
  }
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  if (yaml.length > LARGE_TEXT) {
    await page.locator('#editor-large').waitFor();
  } else {
    await page.waitForFunction((text) => document.querySelector('#editor textarea')?.value === text, yaml);
  }
}

// Every lesson (the seed tutorials 000–004 and our rolling update) followed to its end through the
// page as a learner would (issue 18): each step's solution typed into the console, its goal
// turning done, Next. The solutions are read from src/lessons/*.lesson, so a lesson that the
// page cannot follow fails here even when `dsplay test` passes.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { consoleBox, screenshotFromTop as screenshot, start } from './harness.mjs';

const LESSONS = fileURLToPath(new URL('../../src/lessons/', import.meta.url));

/** Each step's solution lines (the block after `#@ solution`, up to the next `#@`). */
function solutions(source) {
  const steps = [];
  let inSolution = false;
  for (const line of source.split('\n')) {
    if (line.startsWith('#@ step')) {
      steps.push([]);
      inSolution = false;
    } else if (line.startsWith('#@ solution')) {
      inSolution = true;
    } else if (line.startsWith('#@') || line.startsWith('#|')) {
      inSolution = false;
    } else if (inSolution && steps.length > 0) {
      steps[steps.length - 1].push(line);
    }
  }
  return steps.map((lines) => lines.join('\n').trim());
}

let ctx;
before(async () => {
  ctx = await start();
});
after(() => ctx?.stop());

async function goalMet(page) {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.lesson-goal li')];
    return items.length > 0 && items.every((li) => li.classList.contains('met'));
  });
}

for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.lesson')).sort()) {
  const id = file.replace(/\.lesson$/, '');
  test(`lesson ${id}: every step's solution, typed into the console, meets its goal`, async () => {
    const steps = solutions(readFileSync(LESSONS + file, 'utf8'));
    assert.ok(steps.length > 0, 'the lesson has steps');
    const { page, log } = await ctx.open({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${ctx.server.url}?lesson=${id}`, { waitUntil: 'networkidle' });
    await page.locator('.lesson-progress').waitFor();
    // The clock waits: the solutions' own `sim settle` lines move it, as in `dsplay test`.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const [i, solution] of steps.entries()) {
      await page.waitForFunction((t) => document.querySelector('.lesson-progress')?.textContent === t, `Step ${i + 1} of ${steps.length}`);
      const before = await page.locator('.terminal .entry').count();
      await consoleBox(page).fill(solution);
      await consoleBox(page).press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.terminal .entry').length > n, before);
      await goalMet(page);
      if (i + 1 < steps.length) {
        await page.locator('section.lesson').getByRole('button', { name: 'Next step' }).click();
      }
    }
    assert.match(await page.locator('section.lesson').getByRole('status').innerText(), /Lesson complete\./);
    await screenshot(page, `lesson-${id}-complete`);
    assert.deepEqual(log.errors, []);
  });
}

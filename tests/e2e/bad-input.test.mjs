// Bad input and load (tests/e2e/checks/bad-input.js): every kind of broken or oversized data a CMS
// can put in a page, each given to the widget in Chromium (as a data island, as mount() data, or
// as many widgets), with what the reader must see. For every case: the expected
// `storycard:error` (with a message that says what is wrong) or a sane render; no panic in the
// WebAssembly (a page error), no console error beyond the widget's own report; the long renders
// (100,000 entries) in slices that the page runs between; and the host page still answers a click
// afterwards. After every case a plain widget still renders: the module is not left broken. The
// test prints the table docs/robustness.md shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './browser.mjs';
import { CASES, TABLE } from './checks/bad-input.js';

const env = browserForFile();

test(`${CASES.length} kinds of bad input and load: a clear error or a sane render, no panic, long renders in slices`, async () => {
  const page = await env.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // (the images of made-up addresses fail to load: that is the browser's report, not the widget's)
    if (m.type() === 'error' && !m.text().startsWith('storycard: ') && !m.text().startsWith('Failed to load resource')) problems.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${env.url}tests/e2e/checks/bad-input.html`);
  await page.waitForFunction(() => window.__cases);

  const rows = [];
  const failures = [];
  for (let i = 0; i < CASES.length; i += 1) {
    // The input, built in a task of its own; then the widget, timed.
    await page.evaluate((i) => window.__cases.prepare(i), i);
    await page.evaluate((i) => window.__cases.run(i), i);
    await page.click('#ping', { timeout: 2000 });
    const { failures: found, row } = await page.evaluate((i) => window.__cases.judge(i, i + 1), i);
    failures.push(...found, ...problems.splice(0).map((p) => `${CASES[i].name}: ${p}`));
    rows.push(row);
  }
  console.log([...TABLE, ...rows].join('\n'));
  assert.deepEqual(failures, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  await page.close();
});

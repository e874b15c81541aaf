// Dedupe at scale in the browser: mount() with 10,000 and 100,000 related entries given as data
// (30% of them duplicates of every kind: tests/e2e/scale-data.mjs), in the core module, finds
// every duplicate and leaves out all but the 20 shown. What it costs is `npm run bench`'s to
// measure (bench/scale.mjs), not a test's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';
import { dedupeAtScale } from './scale-data.mjs';

const env = browserForFile();

test('100,000 related entries: every duplicate found, all but 20 left out', async () => {
  const { page, problems } = await open(env);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const [small, large] = await page.evaluate(dedupeAtScale, { sizes: [10_000, 100_000], runs: 1 });
  assert.equal(small.removed, 3_000, 'every duplicate found at 10,000');
  assert.equal(large.removed, 30_000, 'every duplicate found at 100,000');
  assert.equal(small.omitted, 7_000 - 20);
  assert.equal(large.omitted, 70_000 - 20);
  assert.deepEqual(problems, []);
  await page.close();
});

// Dedupe at scale in the browser: mount() with 1,000, 10,000 and 100,000 related entries given as
// data (30% of them duplicates of every kind: tests/e2e/scale-data.mjs), the fastest of three
// runs each, in one run of headless Chromium; prints each time and its ratio to the size before
// (near-linear is about 10), and the core module's memory after each size (the widget shows 20
// stories: the others it holds only as far as dedupe needs them).
//
//   node bench/scale.mjs   (npm run bench runs it after the first-paint benchmark)
import { start } from '../tests/e2e/browser.mjs';
import { dedupeAtScale } from '../tests/e2e/scale-data.mjs';

const env = await start();
try {
  const page = await env.context.newPage();
  await page.goto(env.url);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const rows = await page.evaluate(dedupeAtScale, { sizes: [1_000, 10_000, 100_000], runs: 3 });
  console.log('\nbrowser dedupe (mount with data, core module; fastest of 3)');
  console.log('   entries   removed        ms   ratio to the size before   module memory (MB)');
  let before;
  for (const { n, ms, removed, memory } of rows) {
    const ratio = before ? (ms / before).toFixed(2) : '-';
    console.log(`${String(n).padStart(10)} ${String(removed).padStart(9)} ${ms.toFixed(1).padStart(9)}   ${ratio.padEnd(24)} ${(memory / 1e6).toFixed(2)}`);
    before = ms;
  }
} finally {
  await env.stop();
}

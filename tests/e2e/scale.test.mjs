// Dedupe at scale in the browser: mount() with 10,000 and 100,000 related entries (30% of them
// duplicates: tracking and www. variants of an address, the same headline in capitals without
// one, and near duplicates reworded without an address or under another site's), the fastest of
// three runs each, in one run of Chromium (with `nearDuplicates`, so the page module). The larger
// may cost at most 12 times the smaller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

test('100,000 related entries cost at most 12 times 10,000 in the browser', async () => {
  const { page, problems } = await open(env);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const result = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const data = (n) => {
      const distinct = Math.floor((n * 7) / 10);
      const story = (i) => ({
        headline: `Story number ${i} about the council budget vote`,
        ...(i % 5 ? { url: `https://news.example.com/section-${i % 17}/story-${i}.html` } : {}),
      });
      const related = Array.from({ length: distinct }, (_, i) => story(i));
      for (let d = 0; d < n - distinct; d += 1) {
        const i = (d * 7919) % distinct;
        const dup = { ...story(i), author: 'Anh Vũ' };
        if (dup.url && d % 3 === 2) {
          // Syndicated under another site's address, reworded: a near duplicate.
          dup.url = dup.url.replace('news.example.com', 'wire.example.net');
          dup.headline = `Council budget vote: story number ${i}`;
        } else if (dup.url) {
          dup.url = d % 3 ? dup.url.replace('://news.', '://www.news.') : `${dup.url}?utm_source=x${d}`;
        } else {
          // In capitals, or reworded (a near duplicate).
          dup.headline = d % 2 ? dup.headline.toUpperCase() : `${dup.headline}, officials say`;
        }
        related.push(dup);
      }
      return { article: { headline: 'The article' }, related };
    };
    const time = async (n) => {
      const input = data(n);
      let best = Infinity;
      let detail;
      for (let run = 0; run < 3; run += 1) {
        const host = document.createElement('div');
        document.body.append(host);
        host.addEventListener('storycard:ready', (e) => (detail = e.detail), { once: true });
        const started = performance.now();
        const handle = await mount(host, { data: input, max: 20, pageDedupe: false, nearDuplicates: true });
        best = Math.min(best, performance.now() - started);
        handle.destroy();
        host.remove();
      }
      return { ms: best, removed: detail.removed.length, omitted: detail.omitted };
    };
    return { small: await time(10_000), large: await time(100_000) };
  });
  const ratio = result.large.ms / result.small.ms;
  console.log(
    `browser dedupe: 10,000 entries ${result.small.ms.toFixed(1)} ms, 100,000 entries ${result.large.ms.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (at most 12)`,
  );
  assert.equal(result.small.removed, 3_000, 'every duplicate found at 10,000');
  assert.equal(result.large.removed, 30_000, 'every duplicate found at 100,000');
  assert.equal(result.large.omitted, 70_000 - 20);
  assert.ok(ratio <= 12, `ratio ${ratio.toFixed(2)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

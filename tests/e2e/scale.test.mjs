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

test('a render of more than one slice shows its card first, and keeps it', async () => {
  const { page, problems } = await open(env);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const seen = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    // (10,000 entries are read and deduped in many slices of 10 ms on any machine)
    const related = Array.from({ length: 10_000 }, (_, i) => ({
      headline: `Story number ${i} about the council budget vote`,
      url: `https://news.example.com/story-${i}.html`,
    }));
    const host = document.createElement('div');
    document.body.append(host);
    // (each change to the shadow root, as the task that made it left it)
    const changes = [];
    let shownFirst;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        shownFirst ??= root.firstElementChild;
        changes.push([...root.children].map((el) => el.getAttribute('part')));
      }).observe(root, { childList: true });
      return root;
    };
    const ready = new Promise((done) => host.addEventListener('storycard:ready', done, { once: true }));
    const handle = await mount(host, { data: { article: { headline: 'The article', description: 'Its lede.' }, related }, pageDedupe: false });
    Element.prototype.attachShadow = attach;
    await ready;
    const card = host.shadowRoot.querySelector('[part~="card"]');
    const out = { changes: [...changes], kept: card === shownFirst, slides: host.shadowRoot.querySelectorAll('[part~="slide"]').length };
    handle.destroy();
    host.remove();
    return out;
  });
  // The first task's change holds the card alone; the carousel comes in a later one, beside the
  // same card.
  assert.deepEqual(seen.changes[0], ['card']);
  assert.deepEqual(seen.changes.at(-1), ['card', 'related']);
  assert.ok(seen.kept, 'the card shown first is the one the story shows');
  assert.equal(seen.slides, 20);
  assert.deepEqual(problems, []);
  await page.close();
});

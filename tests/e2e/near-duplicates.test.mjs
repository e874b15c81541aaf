// Each story once, as a page embeds the widget: given its data (`<story-card source="#data">`, no
// other attribute, or `mount` with `data`), the core module alone removes exact repeats, a
// syndicated copy under another site's address with the same headline, and a reworded copy (a
// near duplicate), and never fetches the page module. `near-duplicates="off"` (`nearDuplicates:
// false`) keeps the reworded copy and still removes the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './browser.mjs';

const env = browserForFile();

const DATA = {
  article: { headline: 'Flood barriers go up along the river', url: 'https://news.example.com/city/floods.html' },
  related: [
    { headline: 'Council approves the budget for next year', url: 'https://news.example.com/city/budget.html' },
    // The same page with a tracking parameter: an exact repeat.
    { headline: 'Council approves the budget for next year', url: 'https://news.example.com/city/budget.html?utm_source=x' },
    // Syndicated under another site's address with the same headline.
    { headline: 'Council approves the budget for next year', url: 'https://wire.example.net/2026/budget' },
    // Syndicated under another site's address, reworded: a near duplicate.
    { headline: "City council approves next year's budget", url: 'https://wire.example.net/budget-approved' },
    { headline: 'Schools reopen after the summer break', url: 'https://news.example.com/city/schools.html' },
  ],
};

/** Renders DATA on a fresh page as `how` says: `{ element, off }`. */
async function render({ element, off }) {
  const page = await env.context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // A page of the server without any widget: nothing is loaded before the widget.
  await page.goto(`${env.url}schema/storycard.schema.json`);
  const detail = await page.evaluate(
    async ({ element, off, data }) => {
      await import('/pkg/storycard.js');
      const host = document.createElement(element ? 'story-card' : 'div');
      const ready = new Promise((done) => host.addEventListener('storycard:ready', (e) => done(e.detail), { once: true }));
      if (element) {
        const island = document.createElement('script');
        island.type = 'application/json';
        island.id = 'data';
        island.textContent = JSON.stringify(data);
        document.body.append(island);
        host.setAttribute('source', '#data');
        if (off) host.setAttribute('near-duplicates', 'off');
        document.body.append(host);
      } else {
        document.body.append(host);
        const { mount } = await import('/pkg/storycard.js');
        await mount(host, off ? { data, nearDuplicates: false } : { data });
      }
      const { related, removed } = await ready;
      const shown = [...host.shadowRoot.querySelectorAll('[part~="slide-title"]')].map((t) => t.textContent);
      return { related: related.map((r) => r.headline), removed: removed.map((r) => r.reason), shown };
    },
    { element, off, data: DATA },
  );
  await page.close();
  return { ...detail, page: fetched.includes('/pkg/storycard_page_bg.wasm'), core: fetched.includes('/pkg/storycard_wasm_bg.wasm') };
}

const ONCE = ['Council approves the budget for next year', 'Schools reopen after the summer break'];

for (const element of [true, false]) {
  const as = element ? '<story-card source="#data">' : 'mount(host, { data })';
  test(`${as}: each story once, by the core module alone`, async () => {
    const got = await render({ element, off: false });
    assert.deepEqual(got.removed, ['same-url', 'same-headline', 'near-duplicate']);
    assert.deepEqual(got.shown, ONCE);
    assert.deepEqual(got.shown, got.related);
    assert.ok(got.core && !got.page, 'only the core module is fetched');
  });
}

test('near-duplicates="off" keeps the reworded copy, and only that', async () => {
  const got = await render({ element: true, off: true });
  assert.deepEqual(got.removed, ['same-url', 'same-headline']);
  assert.deepEqual(got.shown, [ONCE[0], "City council approves next year's budget", ONCE[1]]);
  assert.ok(got.core && !got.page, 'only the core module is fetched');
});

test('nearDuplicates: false does the same for mount', async () => {
  const got = await render({ element: false, off: true });
  assert.deepEqual(got.removed, ['same-url', 'same-headline']);
  assert.equal(got.shown.length, 3);
});

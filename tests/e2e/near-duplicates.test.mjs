// Near duplicates are opt-in for widgets given their data: the core module removes exact repeats
// (by address or headline) and never fetches the page module; `nearDuplicates` (the
// `near-duplicates` attribute) loads the page module, which also removes a story syndicated
// under another site's address with a reworded headline.
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
    // Syndicated under another site's address, reworded: a near duplicate.
    { headline: "City council approves next year's budget", url: 'https://wire.example.net/budget-approved' },
    { headline: 'Schools reopen after the summer break', url: 'https://news.example.com/city/schools.html' },
  ],
};

/** Renders DATA on a fresh page, with `how` ('mount', 'mount-near' or 'element-near'). */
async function render(how) {
  const page = await env.context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // A page of the server without any widget: nothing is loaded before the widget.
  await page.goto(`${env.url}schema/storycard.schema.json`);
  const detail = await page.evaluate(
    async ({ how, data }) => {
      await import('/pkg/storycard.js');
      const host = document.createElement(how === 'element-near' ? 'story-card' : 'div');
      const ready = new Promise((done) => host.addEventListener('storycard:ready', (e) => done(e.detail), { once: true }));
      if (how === 'element-near') {
        const island = document.createElement('script');
        island.type = 'application/json';
        island.id = 'data';
        island.textContent = JSON.stringify(data);
        document.body.append(island);
        host.setAttribute('source', '#data');
        host.setAttribute('near-duplicates', '');
        document.body.append(host);
      } else {
        document.body.append(host);
        const { mount } = await import('/pkg/storycard.js');
        await mount(host, { data, nearDuplicates: how === 'mount-near' });
      }
      const { related, removed } = await ready;
      const shown = [...host.shadowRoot.querySelectorAll('[part~="slide-title"]')].map((t) => t.textContent);
      return { related: related.map((r) => r.headline), removed: removed.map((r) => r.reason), shown };
    },
    { how, data: DATA },
  );
  await page.close();
  return { ...detail, page: fetched.includes('/pkg/storycard_page_bg.wasm'), core: fetched.includes('/pkg/storycard_wasm_bg.wasm') };
}

test('given data, exact repeats are removed by the core module alone', async () => {
  const got = await render('mount');
  assert.deepEqual(got.removed, ['same-url']);
  assert.deepEqual(got.shown, [
    'Council approves the budget for next year',
    "City council approves next year's budget",
    'Schools reopen after the summer break',
  ]);
  assert.deepEqual(got.shown, got.related);
  assert.ok(got.core && !got.page, 'only the core module is fetched');
});

test('nearDuplicates: true loads the page module and removes the reworded copy too', async () => {
  const got = await render('mount-near');
  assert.deepEqual(got.removed, ['same-url', 'near-duplicate']);
  assert.deepEqual(got.shown, ['Council approves the budget for next year', 'Schools reopen after the summer break']);
  assert.ok(got.page && !got.core, 'only the page module is fetched');
});

test('the near-duplicates attribute does the same for <story-card>', async () => {
  const got = await render('element-near');
  assert.deepEqual(got.removed, ['same-url', 'near-duplicate']);
  assert.equal(got.shown.length, 2);
  assert.ok(got.page && !got.core, 'only the page module is fetched');
});

// A failure inside the widget rather than in its data (a trap in the WebAssembly module, or an
// exception from a built-in the page replaced with a broken one) is told as storycard:error, the
// host's own content shows again, and the page's other widgets still render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

const DATA = {
  article: { headline: 'Harbour ferry returns after a decade', url: 'https://news.example/ferry' },
  related: [{ headline: 'Pier plans go on show this week', url: 'https://news.example/pier' }],
};

test('an exception thrown inside the widget gives storycard:error and the host content back', async () => {
  // (a blank page of the server: the module's address resolves, and page errors are recorded)
  const { page, problems } = await open(env, 'schema/storycard.schema.json');
  const got = await page.evaluate(async (data) => {
    // (plain hosts for mount(): a <story-card> would also render itself, into the same root)
    document.body.innerHTML = '<div id="one"><p id="fallback">Read the related stories</p></div><div id="two"></div>';
    const { mount } = await import('/pkg/storycard.js');
    const events = (host) =>
      new Promise((done) => {
        for (const type of ['storycard:ready', 'storycard:error']) host.addEventListener(type, (e) => done({ type, message: e.detail.message }), { once: true });
      });
    // The widget reads the clock between slices of its work: a page that broke Date.now breaks it.
    const now = Date.now;
    Date.now = () => {
      throw new Error('Date.now is broken');
    };
    const one = document.getElementById('one');
    const first = events(one);
    await mount(one, { data });
    const event = await first;
    Date.now = now;
    const fallback = document.getElementById('fallback');
    const shown = { slot: one.shadowRoot.innerHTML, visible: fallback.checkVisibility() && fallback.getBoundingClientRect().height > 0 };
    // The module still serves the page's other widgets.
    const two = document.getElementById('two');
    const second = events(two);
    await mount(two, { data });
    return { event, shown, other: (await second).type, slides: two.shadowRoot.querySelectorAll('[part~="slide"]').length };
  }, DATA);
  await page.close();
  assert.equal(got.event.type, 'storycard:error');
  assert.match(got.event.message, /^the widget failed: .*Date\.now is broken/);
  assert.deepEqual(got.shown, { slot: '<slot></slot>', visible: true });
  assert.deepEqual([got.other, got.slides], ['storycard:ready', 1]);
  assert.deepEqual(problems.filter((p) => p.startsWith('page error')), []);
});

// A page whose related list nests a link 2,000 levels deep (script can build that; Chromium
// renders it): the widget that reads the page looks 32 levels below a container at most, so it
// renders the list's other story instead of overflowing the WebAssembly stack, which trapped
// without an event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

test('a related link nested 2,000 deep is left out, and the card renders', async () => {
  // (a blank page of the server: the module's address resolves, and page errors are recorded)
  const { page, problems } = await open(env, 'schema/storycard.schema.json');
  const event = await page.evaluate(async () => {
    document.documentElement.innerHTML =
      '<head><title>Harbour ferry returns after a decade</title></head><body>' +
      '<h1>Harbour ferry returns after a decade</h1><ul class="related">' +
      '<li><a href="https://news.example/pier">Pier plans go on show this week</a></li><li id="deep"></li></ul></body>';
    let at = document.getElementById('deep');
    for (let i = 0; i < 2000; i += 1) at = at.appendChild(document.createElement('div'));
    const link = at.appendChild(document.createElement('a'));
    link.href = 'https://news.example/bridge';
    link.textContent = 'Bridge deck to be rebuilt next spring';
    await import('/pkg/storycard.js');
    const host = document.createElement('story-card');
    host.setAttribute('related', '.related');
    const event = new Promise((done) => {
      for (const type of ['storycard:ready', 'storycard:error']) {
        host.addEventListener(type, (e) => done({ type, related: e.detail.related?.map((r) => r.headline), message: e.detail.message }));
      }
    });
    document.body.append(host);
    return Promise.race([event, new Promise((done) => setTimeout(() => done({ type: 'no event in 10 s' }), 10_000))]);
  });
  await page.close();
  assert.deepEqual(problems.filter((p) => p.startsWith('page error')), []);
  assert.deepEqual(event, { type: 'storycard:ready', related: ['Pier plans go on show this week'], message: undefined });
});

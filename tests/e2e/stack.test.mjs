// The WebAssembly modules' shadow stack is 64 KiB (scripts/wasm-module.sh), first in memory. Every
// recursion in the crate is bounded (the JSON readers at 64 levels, the related-links reader at
// 32 below a container); this measures how much of the stack the deepest inputs use, by filling
// it with a pattern between calls and finding the lowest byte changed, and keeps that under half.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();
const STACK = 65536;

test('the deepest inputs use less than half of the 64 KiB stack', async () => {
  // (a blank page of the server: the module's address resolves, and page errors are recorded)
  const { page, problems } = await open(env, 'schema/storycard.schema.json');
  const used = await page.evaluate(async (STACK) => {
    // Deep nesting everywhere a reader recurses: data 200 deep (read to the 64-level limit), a
    // field 60 deep, JSON-LD 70 deep, and a related link 40 levels below its container.
    let data = { headline: 'x' };
    for (let i = 0; i < 200; i += 1) data = { a: data };
    let field = 'x';
    for (let i = 0; i < 60; i += 1) field = { a: field };
    let ld = '"x"';
    for (let i = 0; i < 70; i += 1) ld = `{"a":${ld}}`;
    const related = Array.from({ length: 60 }, (_, i) => ({
      headline: `Story ${i % 40} about the harbour and the council budget`,
      url: `https://news.example/s/${i % 40}?utm_source=x`,
      author: [{ name: 'Mara Lindqvist' }, { name: 'Tomas Berg' }],
      image: { url: 'https://news.example/i.jpg', width: 800, height: 450 },
      datePublished: '2025-05-03T10:00:00Z',
    }));
    document.head.insertAdjacentHTML('beforeend', `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour ferry returns after a decade","about":${ld}}</script>`);
    document.body.innerHTML =
      '<h1>Harbour ferry returns after a decade</h1><ul class="related"><li><a href="https://news.example/pier">Pier plans go on show this week</a></li><li id="deep"></li></ul>';
    let at = document.getElementById('deep');
    for (let i = 0; i < 40; i += 1) at = at.appendChild(document.createElement('div'));
    at.innerHTML = '<a href="https://news.example/b"><h3>Bridge deck to be rebuilt next spring</h3></a>';

    const { mount, wasmMemory } = await import('/pkg/storycard.js');
    const memory = (which) => wasmMemory(which === 'page');
    const cases = [
      ['core', 'data 200 deep', { data: { article: data } }],
      ['core', 'a field 60 deep', { data: { article: { headline: 'Harbour ferry returns', author: field }, related } }],
      ['core', 'near duplicates', { data: { article: { headline: 'Harbour ferry returns' }, related } }],
      ['page', 'the page: JSON-LD 70 deep, a link 40 levels down', { related: '.related' }],
    ];
    const used = {};
    for (const [which, name, options] of cases) {
      const mem = await memory(which);
      // (between calls no WebAssembly frame is live: the whole stack but its first KiB is free)
      new Uint8Array(mem.buffer, 1024, STACK - 1024).fill(0xa5);
      const host = document.body.appendChild(document.createElement('div'));
      const event = new Promise((done) => {
        for (const type of ['storycard:ready', 'storycard:error']) host.addEventListener(type, () => done(type), { once: true });
      });
      await mount(host, options);
      await event;
      const bytes = new Uint8Array(mem.buffer, 0, STACK);
      let low = 1024;
      while (low < STACK && bytes[low] === 0xa5) low += 1;
      used[`${which}: ${name}`] = STACK - low;
    }
    return used;
  }, STACK);
  await page.close();
  console.log(`stack used (bytes): ${JSON.stringify(used)}`);
  assert.deepEqual(problems.filter((p) => p.startsWith('page error')), []);
  for (const [name, bytes] of Object.entries(used)) {
    assert.ok(bytes > 0, `${name}: the measure saw the stack used`);
    assert.ok(bytes < STACK / 2, `${name}: ${bytes} bytes of the stack`);
  }
});

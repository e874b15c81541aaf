// The declared maximum memory (src/memory.rs): every module the package ships declares 4,096
// pages (256 MiB), and data that needs more than the widget may use ends in a clear error, not a
// trap, with the module working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToString } from 'storycard/server';

const PKG = fileURLToPath(new URL('../../pkg', import.meta.url));
const index = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
const island = index.match(/<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/)[1];

/** The limits of the memory a module defines (its memory section), in pages. */
function memoryLimits(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 5) {
      assert.equal(leb(), 1, 'one memory');
      const flags = leb();
      const initial = leb();
      return { initial, maximum: flags & 1 ? leb() : undefined };
    }
    at = end;
  }
  return undefined;
}

test('every module the package ships declares a maximum memory of 256 MiB', () => {
  const modules = readdirSync(PKG).filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(modules.sort(), ['storycard_behaviour_bg.wasm', 'storycard_edge_bg.wasm', 'storycard_page_bg.wasm', 'storycard_server_bg.wasm', 'storycard_wasm_bg.wasm']);
  for (const file of modules) {
    const limits = memoryLimits(readFileSync(join(PKG, file)));
    assert.equal(limits?.maximum, 4096, `${file}: ${JSON.stringify(limits)}`);
  }
});

test('renderToString of data that needs more than the widget may use throws a clear error, and the next one renders', () => {
  const summary = 'The council voted on the harbour budget. '.repeat(250);
  const data = {
    article: { headline: 'Harbour ferry returns' },
    related: Array.from({ length: 20_000 }, (_, i) => ({ headline: `Story ${i} on the council budget`, url: `https://news.example/story-${i}`, description: summary })),
  };
  for (const given of [data, JSON.stringify(data)]) {
    assert.throws(() => renderToString(given, {}), (e) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /^the article data needs more memory than the widget may use \(160 MiB\): it stopped reading at related\[\d+\]$/);
      return true;
    });
    const html = renderToString(island, { url: 'https://news.example.com/world/page.html' });
    assert.equal(html.match(/part="slide"/g)?.length, 8);
  }
});

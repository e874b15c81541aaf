// The edge module's rewriter (pkg/storycard_edge.js, as storycard/edge loads it) in Node, over the
// 1,304 saved pages of tests/fixtures/reading/ (news pages, magazines, blogs): it never throws, a page with no place for the
// card comes out byte for byte (whatever its markup, its encoding, or where a chunk ends), and
// with a configured place (`at: "footer"`) the pages that have one get the card there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { initSync, EdgeRewriter } from '../../pkg/storycard_edge.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = join(ROOT, 'tests/fixtures/reading/pages');
initSync({ module: readFileSync(join(ROOT, 'pkg/storycard_edge_bg.wasm')) });

/** The page through a rewriter with `config`, in chunks of `size` bytes: the output and outcome. */
function rewrite(bytes, config, size) {
  const rewriter = new EdgeRewriter('https://news.example.com/world/a.html', config);
  const out = [];
  for (let i = 0; i < bytes.length; i += size) out.push(rewriter.write(bytes.subarray(i, i + size)));
  out.push(rewriter.end());
  const outcome = rewriter.outcome;
  rewriter.free();
  return { out: Buffer.concat(out.map((u) => Buffer.from(u.buffer, u.byteOffset, u.length))), outcome };
}

test('1,304 saved pages through the edge rewriter: byte for byte without a place, the card at a configured one', () => {
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.html.gz')).sort();
  // (every page the fixture lists, and no other)
  const listed = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/reading/pages.json'), 'utf8'));
  assert.deepEqual(files, listed.map((p) => `${p.id}.html.gz`).sort());
  assert.equal(files.length, 1304);
  const outcomes = {};
  let written = 0;
  const warn = console.warn;
  console.warn = () => {}; // (the pages' own broken JSON-LD, warned about as the browser warns)
  try {
    files.forEach((file, i) => {
      const bytes = gunzipSync(readFileSync(join(PAGES, file)));
      // (chunks that end anywhere: inside tags, attributes, characters)
      const size = i % 2 ? 997 : 16_384;
      const plain = rewrite(bytes, {}, size);
      assert.ok(plain.out.equals(bytes), `${file}: no <story-card>, no place: byte for byte (${plain.outcome})`);
      outcomes[plain.outcome] = (outcomes[plain.outcome] ?? 0) + 1;
      const placed = rewrite(bytes, { at: 'footer' }, size);
      if (placed.outcome === 'written') {
        written += 1;
        const at = placed.out.indexOf('<script type="application/json" id="storycard-edge-data">');
        assert.ok(at > 0 && placed.out.subarray(0, at).equals(bytes.subarray(0, at)), `${file}: the bytes before the card`);
        const end = placed.out.indexOf('</story-card>\n', at) + '</story-card>\n'.length;
        assert.ok(placed.out.subarray(end).equals(bytes.subarray(at)), `${file}: the bytes after it`);
        assert.match(placed.out.subarray(end, end + 7).toString('latin1'), /^<footer/i, `${file}: the card before the footer`);
      } else {
        assert.ok(placed.out.equals(bytes), `${file}: ${placed.outcome}: byte for byte`);
      }
    });
  } finally {
    console.warn = warn;
  }
  console.log(`# without a place: ${JSON.stringify(outcomes)}; with at: "footer": ${written} of ${files.length} written`);
  assert.equal((outcomes.none ?? 0) + (outcomes['kept: the page is not in UTF-8'] ?? 0), files.length);
  assert.ok(written >= 300, `${written} written`);
});

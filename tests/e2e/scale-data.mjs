// Dedupe at scale in the page, shared by the scale test (which counts) and the benchmark (which
// times): `mount()` with `n` related entries, 30% of them duplicates (tracking and www. variants
// of an address, the same headline in capitals without one, and near duplicates reworded without
// an address or under another site's), given as data, so dedupe runs in the core module.

/**
 * Runs in the page (`page.evaluate(dedupeAtScale, { sizes, runs })`): for each size, the fastest
 * of `runs` mounts, in milliseconds, what the last one removed and left out, and the core
 * module's memory after them (bytes: WebAssembly memory never shrinks, so this is the most the
 * module held for any size so far).
 */
export async function dedupeAtScale({ sizes, runs }) {
  const { mount, wasmMemory } = await import('/pkg/storycard.js');
  const memory = await wasmMemory();
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
  const out = [];
  for (const n of sizes) {
    const input = data(n);
    let best = Infinity;
    let detail;
    for (let run = 0; run < runs; run += 1) {
      const host = document.createElement('div');
      document.body.append(host);
      host.addEventListener('storycard:ready', (e) => (detail = e.detail), { once: true });
      const started = performance.now();
      const handle = await mount(host, { data: input, max: 20, pageDedupe: false });
      best = Math.min(best, performance.now() - started);
      handle.destroy();
      host.remove();
    }
    out.push({ n, ms: best, removed: detail.removed.length, omitted: detail.omitted, memory: memory.buffer.byteLength });
  }
  return out;
}

// Prints the size of what ships to a reader and, with --check, fails when a path is over its
// budget. A page loads one of two paths: widgets given their data load the element module and the
// core WebAssembly module; widgets that read the page itself load the page module instead. The CSS
// is inside each WebAssembly module. The budgets are what the paths measured plus about 1%: they
// catch accidents. (Each story once by default, the near-duplicate test with its word lists in
// five languages in both modules, took the data path from 43,425 to 79,617 bytes gzipped and
// the page path from 68,663 to 99,956; reading bylines, dates and headlines as a reader would
// trust them took the page path to 112,665, and the data path, through the JSON reader's
// leniency, to 79,671. Options read by serde-wasm-bindgen (one `Options`, the same rules and
// warnings as the command line and the server) and the ready event's detail written by it,
// instead of by hand: 79,980 to 96,930 on the data path and 113,116 to 129,566 on the page path,
// most of it serde's error formatting, which brings the standard library's float formatting.
// The tools' output as it comes, with no rewrite that saved less than 5% (docs/size.md): to
// 102,114 and 135,184. The vocabulary shared with the element module and the carousel's arithmetic
// in Rust: to 104,011 and 137,424. The memory limit (the cap crate's counting allocator and the
// checks), `mount()`'s `page` and the removals' `url`: to 104,542 and 138,396. Dates written
// by the crate in the browser too, with no `Intl.DateTimeFormat` and its locale data to load
// (first paint at N = 30: 96 against 104 ms at 1×, 292 against 340 at 4×; docs/benchmark.md):
// to 107,689 and 141,260. The near-duplicate rules and Vietnamese forms of 2026-12-03, with
// what had landed since the last figures: to 110,522 and 144,184.)
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// (a later session's rules, a Vietnamese headline read without its diacritics (453 bytes on the
// data path) and a date paragraph (126 on the page path), left the edge 14 bytes under its
// budget: each budget set again about 1,000 bytes above its path, as docs/size.md says)
const PATHS = [
  { name: 'with data', budget: 125_400, files: ['storycard.js', 'storycard_wasm_bg.wasm'] },
  // (the element module carries the core module's bindings, which this path has always loaded:
  // counted since they are in it, 5,022 bytes gzipped the budget had left out; then 2026-12-07's
  // byline rules, 1,052 bytes; then the headline's kicker and a labelled date, 1,264; then a
  // byline at the top of the story's body, Drupal's author field and a blog's title read before
  // its <h1>, 518, past the budget by 233: docs/size.md)
  { name: 'reading the page', budget: 171_200, files: ['storycard.js', 'storycard_page.js', 'storycard_page_bg.wasm'] },
  // (a server-rendered card: its behaviour from the small module first, then the widget's)
  { name: 'server-rendered', budget: 131_300, files: ['storycard.js', 'storycard_behaviour.js', 'storycard_behaviour_bg.wasm', 'storycard_wasm_bg.wasm'] },
  // (no reader loads this: the CDN worker does, once per isolate. lol-html, and the HTML parser
  // and selectors of the page reader (scraper), are most of it: 534,246 bytes gzipped when it
  // came, against the 3 MB a Cloudflare Worker may be on the free plan)
  // (the same rules: 553,403 bytes, 97 under; set again about 1,000 above)
  { name: 'at the edge', budget: 559_500, files: ['edge.js', 'storycard_edge.js', 'storycard_edge_bg.wasm'] },
];

const out = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'pkg';
const check = process.argv.includes('--check');

const measure = (name) => {
  const bytes = readFileSync(`${out}/${name}`);
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const pad = (s, n) => String(s).padStart(n);
const line = (r) => console.log(`  ${r.name.padEnd(26)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}`);
let over = false;
for (const path of PATHS) {
  const rows = path.files.map(measure);
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of ['raw', 'gzip', 'brotli']) total[k] += r[k];
  console.log(`${path.name}:${' '.repeat(27 - path.name.length)}${pad('bytes', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
  rows.forEach(line);
  line(total);
  const share = ((100 * total.gzip) / path.budget).toFixed(1);
  console.log(`size budget (${path.name}): ${total.gzip} of ${path.budget} bytes gzipped (${share}%)`);
  if (total.gzip > path.budget) {
    over = true;
    if (check) console.error(`size: "${path.name}" is over budget by ${total.gzip - path.budget} bytes gzipped`);
  }
}
if (check && over) process.exit(1);

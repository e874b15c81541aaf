// Prints the size of what ships to a reader (wasm + JS; the CSS is inside the wasm) and, with
// --check, fails when the gzipped total is over the budget.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET = 40_000; // bytes, gzipped: wasm + JS + CSS

const out = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'pkg';
const check = process.argv.includes('--check');
const files = ['storycard_wasm_bg.wasm', 'storycard_wasm.js', 'storycard.js'];

let total = { raw: 0, gzip: 0, brotli: 0 };
const rows = files.map((name) => {
  const bytes = readFileSync(`${out}/${name}`);
  const row = {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
  for (const k of Object.keys(total)) total[k] += row[k];
  return row;
});
rows.push({ name: 'total', ...total });

const pad = (s, n) => String(s).padStart(n);
console.log(`${'shipped file'.padEnd(26)}${pad('bytes', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
for (const r of rows) console.log(`${r.name.padEnd(26)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}`);
console.log(`size budget: ${total.gzip} of ${BUDGET} bytes gzipped (${((100 * total.gzip) / BUDGET).toFixed(1)}%)`);
if (check && total.gzip > BUDGET) {
  console.error(`size: over budget by ${total.gzip - BUDGET} bytes gzipped`);
  process.exit(1);
}

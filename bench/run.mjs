// The benchmark: storycard against a hand-written vanilla implementation, the same card with the
// carousel built by Embla, Swiper, Splide and Keen-Slider, and the final DOM as static HTML (the
// floor). Each renders the same card and carousel from the same data island (N related entries,
// a third of them repeats to dedupe), in headless Chromium driven by Playwright, interleaved
// (A B C … A B C …), at 1× and 4× CPU throttling.
//
//   npm run bench             N = 10, 30, 100, 1,000; 15 samples each; 1× and 4×
//   npm run bench -- --quick  N = 30; 5 samples; 1× (for checking a change)
//
// Measured per sample, on a fresh page: the first paint of the card and carousel (the page's
// first-contentful-paint: nothing else is on it) after the page's first script runs; the main
// thread's busy time (DevTools' TaskDuration); the longest long task; the JavaScript heap after a
// forced collection plus the WebAssembly memory. Bytes shipped are the gzip and brotli sizes of
// the files each contestant loads. Prints medians with ratios to vanilla, writes every sample to
// bench/results/latest.json and the chart to docs/bench.svg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { ROOT, start } from '../tests/e2e/browser.mjs';
import { data } from './data.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [30] : [10, 30, 100, 1000];
const RATES = quick ? [1] : [1, 4];
const SAMPLES = quick ? 5 : 15;
const OUT = join(ROOT, 'bench/out');
const LIBRARIES = ['vanilla', 'embla', 'swiper', 'splide', 'keen'];
// `--before DIR`: another build of the package (a `pkg/` directory inside the repository, such
// as an earlier commit's, copied there) runs as one more contestant, `storycard-before`, in the
// same run, so that a change is compared with what it changes under the same load.
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt > 0 ? relative(ROOT, resolve(process.argv[beforeAt + 1])) : null;
const STORYCARDS = BEFORE ? ['storycard', 'storycard-before'] : ['storycard'];
const CONTESTANTS = [...STORYCARDS, ...LIBRARIES, 'static'];
/** Where a storycard contestant's package is served from. */
const pkg = (name) => (name === 'storycard-before' ? `/${BEFORE}/` : '/pkg/');

// Each library's own stylesheet, next to the card's.
const LIBRARY_CSS = {
  vanilla: '',
  embla: '.embla{overflow:hidden}.embla__container{display:flex;gap:1rem}.embla__slide{flex:0 0 calc((100% - 3rem)/4);min-width:0}',
  swiper: readFileSync(join(ROOT, 'node_modules/swiper/swiper.min.css'), 'utf8'),
  splide: readFileSync(join(ROOT, 'node_modules/@splidejs/splide/dist/css/splide-core.min.css'), 'utf8'),
  keen: readFileSync(join(ROOT, 'node_modules/keen-slider/keen-slider.min.css'), 'utf8'),
};

/** The widget's stylesheet for light DOM: the host's rules on #app. */
const cardCss = () =>
  readFileSync(join(ROOT, 'www/storycard.css'), 'utf8')
    .replace(/:host\(\[[^)]*\]\)[^}]*}/g, '')
    .replace(/:host/g, '#app');

function build() {
  mkdirSync(OUT, { recursive: true });
  const card = cardCss();
  writeFileSync(join(OUT, 'static.css'), card);
  for (const name of LIBRARIES) {
    execFileSync(
      join(ROOT, 'node_modules/.bin/esbuild'),
      [join(ROOT, `bench/contestants/${name}.js`), '--bundle', '--minify', '--format=esm', `--outfile=${join(OUT, `${name}.js`)}`, '--log-level=warning'],
      { stdio: 'inherit' },
    );
    writeFileSync(join(OUT, `${name}.css`), card + LIBRARY_CSS[name]);
  }
}

/** The page of `name` for N entries; `body` is the static contestant's markup. */
function page(name, n, body = '') {
  const island = JSON.stringify(data(n)).replaceAll('</', '<\\/');
  // storycard as the README embeds it: the element in the page, one script tag, and the resource
  // hints that fetch its bindings and WebAssembly alongside the element module.
  const card = STORYCARDS.includes(name);
  const css = card
    ? `<link rel="modulepreload" href="${pkg(name)}storycard_wasm.js">\n<link rel="preload" href="${pkg(name)}storycard_wasm_bg.wasm" as="fetch" crossorigin>`
    : `<link rel="stylesheet" href="${name}.css">`;
  if (card) body = `<story-card source="#data" max="${n}"></story-card>`;
  const script = card
    ? "<script>document.addEventListener('storycard:ready', () => window.__done(), { once: true });</script>\n" +
      `<script type="module" src="${pkg(name)}storycard.js"></script>`
      : name === 'static'
        ? '<script>window.__done()</script>'
        : `<script type="module" src="${name}.js"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} ${n}</title>
<link rel="icon" href="data:,">
<script>
performance.mark('start');
window.__long = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
// Settled once the contestant said it rendered and the browser reported the first paint: the
// harness awaits this promise rather than polling, which would add script to the frames it times.
window.__finished = new Promise((resolve) => {
  const settle = () => window.__rendered !== undefined && window.__fcp !== undefined && resolve();
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') { window.__fcp = e.startTime; settle(); } }).observe({ type: 'paint', buffered: true });
  window.__done = () => { window.__rendered = performance.now(); settle(); };
});
</script>
${css}
<style>body{margin:0;font-family:system-ui,sans-serif}main{max-width:72rem;margin:0 auto;padding:1rem}</style>
</head><body><main><div id="app">${body}</div></main>
<script type="application/json" id="data" data-n="${n}">${island}</script>
${script}
</body></html>`;
}

const files = {
  ...Object.fromEntries(STORYCARDS.map((name) => [name, ['storycard.js', 'storycard_wasm.js', 'storycard_wasm_bg.wasm'].map((f) => `${pkg(name).slice(1)}${f}`)])),
  static: ['bench/out/static.css'],
  ...Object.fromEntries(LIBRARIES.map((name) => [name, [`bench/out/${name}.js`, `bench/out/${name}.css`]])),
};
function shipped(name) {
  let gzip = 0;
  let brotli = 0;
  for (const file of files[name]) {
    const bytes = readFileSync(join(ROOT, file));
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli };
}

async function sample(env, name, n, rate) {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${env.url}bench/out/${name}-${n}.html`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.__finished);
  const timing = await page.evaluate(() => ({
    paint: window.__fcp - performance.getEntriesByName('start')[0].startTime,
    rendered: window.__rendered - performance.getEntriesByName('start')[0].startTime,
    longest: Math.max(0, ...window.__long),
    slides: document.querySelector('story-card')?.shadowRoot.querySelectorAll('[part~="slide"]').length ?? document.querySelectorAll('[part~="slide"]').length,
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => 1000 * metrics.find((m) => m.name === name).value;
  // TaskDuration: everything the main thread did (parsing, script, WebAssembly, style, layout,
  // paint); ScriptDuration leaves out WebAssembly run from a microtask, most of storycard's work.
  const busy = metric('TaskDuration');
  const script = metric('ScriptDuration');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = STORYCARDS.includes(name) ? await page.evaluate(async (at) => (await (await import(`${at}storycard_wasm.js`)).default()).memory.buffer.byteLength, pkg(name)) : 0;
  await page.close();
  return { name, n, rate, ...timing, busy, script, memory: heap + wasm, heap, wasm };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const began = Date.now();
  build();
  const env = await start();
  const samples = [];
  try {
    // The static pages hold the markup the vanilla contestant renders.
    for (const n of SIZES) {
      for (const name of CONTESTANTS.filter((c) => c !== 'static')) writeFileSync(join(OUT, `${name}-${n}.html`), page(name, n));
      const probe = await env.context.newPage();
      await probe.goto(`${env.url}bench/out/vanilla-${n}.html`, { waitUntil: 'domcontentloaded' });
      await probe.evaluate(() => window.__finished);
      writeFileSync(join(OUT, `static-${n}.html`), page('static', n, await probe.evaluate(() => document.getElementById('app').innerHTML)));
      await probe.close();
    }
    for (const n of SIZES) {
      for (const rate of RATES) {
        // One warm-up round, not kept: the server's and the browser's first requests.
        for (const name of CONTESTANTS) await sample(env, name, n, rate);
        for (let i = 0; i < SAMPLES; i++) {
          for (const name of CONTESTANTS) samples.push(await sample(env, name, n, rate));
        }
        process.stderr.write(`bench: N = ${n} at ${rate}x done (${Math.round((Date.now() - began) / 1000)} s)\n`);
      }
    }
  } finally {
    await env.stop();
  }
  report(samples, (Date.now() - began) / 1000);
}

function report(samples, seconds) {
  const bytes = Object.fromEntries(CONTESTANTS.map((name) => [name, shipped(name)]));
  const rows = [];
  for (const n of SIZES) {
    for (const rate of RATES) {
      const of = (name) => samples.filter((s) => s.name === name && s.n === n && s.rate === rate);
      const base = median(of('vanilla').map((s) => s.paint));
      for (const name of CONTESTANTS) {
        const mine = of(name);
        rows.push({
          n, rate, name,
          paint: median(mine.map((s) => s.paint)),
          ratio: median(mine.map((s) => s.paint)) / base,
          busy: median(mine.map((s) => s.busy)),
          script: median(mine.map((s) => s.script)),
          longest: median(mine.map((s) => s.longest)),
          worst: Math.max(...mine.map((s) => s.longest)),
          memory: median(mine.map((s) => s.memory)),
          slides: median(mine.map((s) => s.slides)),
        });
      }
    }
  }
  console.log(`\nstorycard benchmark: ${SAMPLES} interleaved samples per cell, medians; ${Math.round(seconds)} s in all\n`);
  console.log('| N | CPU | contestant | first paint (ms) | vs vanilla | main thread (ms) | longest task (ms, median / worst) | heap + wasm (MB) | gzip / brotli (bytes) |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${r.rate}× | ${r.name} | ${r.paint.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.busy.toFixed(1)} | ${r.longest.toFixed(0)} / ${r.worst.toFixed(0)} | ${(r.memory / 1e6).toFixed(2)} | ${bytes[r.name].gzip} / ${bytes[r.name].brotli} |`,
    );
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), quick, samples: SAMPLES, seconds, bytes, rows, raw: samples }, null, 1)}\n`,
  );
  if (!quick) writeFileSync(join(ROOT, 'docs/bench.svg'), chart(rows));
}

/** Median first paint at 1×, one group of bars per N, each group scaled to its slowest. */
function chart(rows) {
  const COLORS = { storycard: '#0a58ca', 'storycard-before': '#7aa7e8', vanilla: '#2e7d32', embla: '#8e6c00', swiper: '#b3261e', splide: '#6a1b9a', keen: '#00695c', static: '#757575' };
  const width = 760;
  const barH = 14;
  const groupH = CONTESTANTS.length * (barH + 4) + 34;
  const height = SIZES.length * groupH + 40;
  let y = 30;
  const parts = [`<text x="10" y="20" font-weight="700">Median time to first paint of the card and carousel at 1× CPU (ms; shorter is better)</text>`];
  for (const n of SIZES) {
    const group = rows.filter((r) => r.n === n && r.rate === 1);
    const max = Math.max(...group.map((r) => r.paint));
    parts.push(`<text x="10" y="${y + 14}" font-weight="700">N = ${n}</text>`);
    y += 22;
    for (const r of group) {
      const w = Math.max(1, ((width - 260) * r.paint) / max);
      parts.push(
        `<text x="10" y="${y + 11}">${r.name}</text><rect x="100" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[r.name]}"/>` +
          `<text x="${(106 + w).toFixed(1)}" y="${y + 11}">${r.paint.toFixed(1)} (${r.ratio.toFixed(2)}×)</text>`,
      );
      y += barH + 4;
    }
    y += 12;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="Benchmark chart"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>\n`;
}

await main();

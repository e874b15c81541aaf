// The benchmark: storycard against a hand-written vanilla implementation, the same card with the
// carousel built by Embla, Swiper, Splide and Keen-Slider, the final DOM as static HTML (the
// floor), and storycard rendered on the server (the page as `renderToString` writes it, taken
// over by the element module). Each renders the same card and carousel from the same data island
// (N related entries, a third of them repeats to dedupe), in headless Chromium driven by
// Playwright, interleaved (A B C … A B C …), in each profile:
//
//   1×, 4×      a desktop (1280 × 900) on the loopback, at 1× and 4× CPU throttling, every N;
//   phone       a reader's phone: 390 × 844, 4× CPU, 150 ms round trip, 1.6 Mbit/s down,
//               750 kbit/s up, the cache off, every file compressed (brotli, else gzip) from the
//               page's origin; N = 30;
//   returning   the phone, with the HTTP cache on (files but pages cached for an hour) and the
//               engine's compiled code warm: each sample first views another article (other
//               entries), then the measured one; N = 30.
//
//   npm run bench                    every profile; 15 samples a cell
//   npm run bench -- --quick         N = 30; 5 samples; 1× (for checking a change)
//   --samples K, --profile a,b       K samples a cell; only these profiles
//   --sizes 30,1000                  only these N (of the 1× and 4× profiles)
//   --trace storycard,vanilla        after each cell's samples, one more of these contestants
//                                    with a DevTools trace (bench/out/trace-NAME-PROFILE-N.json),
//                                    and what their main thread did up to the first paint
//
// Measured per sample, on a fresh page, from the navigation's start: the first paint of the card
// (the page's first-contentful-paint: nothing else is on it; storycard shows its card ahead of the
// carousel where reading and deduping the list takes more than one slice); when its controls
// work (storycard's first `storycard:interactive` mark; for the others, when they rendered); when
// the card is ready (the contestant said it rendered: storycard's `storycard:ready`); when the
// card and carousel are painted whole (the end of the first frame after it said so);
// the main thread's busy time (DevTools' TaskDuration); the longest long task; the JavaScript
// heap after a forced collection plus the WebAssembly memory. Bytes shipped are the gzip and
// brotli sizes of the files each contestant loads. Prints medians with ratios to vanilla, writes
// every sample to bench/results/latest.json and the chart to docs/bench.svg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { ROOT, start } from '../tests/e2e/browser.mjs';
import { serve } from '../scripts/serve.mjs';
import { data } from './data.mjs';
import { renderToString } from '../pkg/storycard_server.js';

const quick = process.argv.includes('--quick');
const argument = (flag) => (process.argv.indexOf(flag) > 0 ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const SIZES = argument('--sizes')?.split(',').map(Number) ?? (quick ? [30] : [10, 30, 100, 1000]);
/** A reader's mobile network, as DevTools' emulation takes it (bytes a second). */
const NETWORK = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const PHONE = { width: 390, height: 844 };
const ALL_PROFILES = [
  { name: '1×', rate: 1, sizes: SIZES },
  { name: '4×', rate: 4, sizes: SIZES },
  { name: 'phone', rate: 4, network: NETWORK, viewport: PHONE, server: 'site', sizes: [30] },
  { name: 'returning', rate: 4, network: NETWORK, viewport: PHONE, server: 'cached', returning: true, sizes: [30] },
];
const chosen = argument('--profile')?.split(',') ?? (quick ? ['1×'] : ALL_PROFILES.map((p) => p.name));
const PROFILES = ALL_PROFILES.filter((p) => chosen.includes(p.name));
const SAMPLES = Number(argument('--samples') ?? (quick ? 5 : 15));
const OUT = join(ROOT, 'bench/out');
const TRACED = argument('--trace')?.split(',') ?? [];
const LIBRARIES = ['vanilla', 'embla', 'swiper', 'splide', 'keen'];
// `--before DIR`: another build of the package (a `pkg/` directory inside the repository, such
// as an earlier commit's, copied there) runs as one more contestant, `storycard-before`, in the
// same run, so that a change is compared with what it changes under the same load.
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt > 0 ? relative(ROOT, resolve(process.argv[beforeAt + 1])) : null;
const STORYCARDS = BEFORE ? ['storycard', 'storycard-before'] : ['storycard'];
const CONTESTANTS = [...STORYCARDS, 'storycard-ssr', ...LIBRARIES, 'static'];
/** The contestants that load storycard's element module. */
const ELEMENT = [...STORYCARDS, 'storycard-ssr'];
/** Where a storycard contestant's package is served from. */
const pkg = (name) => (name === 'storycard-before' ? `/${BEFORE}/` : '/pkg/');
// Whether that build's element module imports the core module's bindings from a file of their
// own (builds before they were bundled into it); read once per build.
const CHAINED = new Map(STORYCARDS.map((name) => [pkg(name), /storycard_wasm\.js/.test(readFileSync(join(ROOT, pkg(name).slice(1), 'storycard.js'), 'utf8'))]));
const chained = (name) => CHAINED.get(pkg(name));

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

/** The data of the article measured at N, or of another article (`other`: other entries). */
const dataOf = (n, other) => data(n, other ? n + 7919 : n);

/**
 * The page of `name` for N entries (`other`: another article's); `body` is the static
 * contestant's markup.
 */
function page(name, n, { body = '', other = false } = {}) {
  const island = JSON.stringify(dataOf(n, other)).replaceAll('</', '<\\/');
  // storycard as the README embeds it: the element in the page, one script tag, and the resource
  // hint that fetches its WebAssembly alongside the element module.
  const card = ELEMENT.includes(name);
  // (a server-rendered page also hints the small module that gives the card its behaviour first)
  const early = name === 'storycard-ssr'
    ? `<link rel="modulepreload" href="${pkg(name)}storycard_behaviour.js">\n<link rel="preload" href="${pkg(name)}storycard_behaviour_bg.wasm" as="fetch" crossorigin>\n`
    : '';
  // (a build from before the element module carried the core module's bindings fetches them too)
  const bindings = chained(name) ? `<link rel="modulepreload" href="${pkg(name)}storycard_wasm.js">\n` : '';
  const css = card
    ? `${early}${bindings}<link rel="preload" href="${pkg(name)}storycard_wasm_bg.wasm" as="fetch" crossorigin>`
    : `<link rel="stylesheet" href="${name}.css">`;
  // (rendered on the server: renderToString writes the island of the story as shown and the
  // element with its declarative shadow root; the page then loads the element module)
  if (name === 'storycard-ssr') body = renderToString(dataOf(n, other), { max: n });
  else if (card) body = `<story-card source="#data" max="${n}"></story-card>`;
  const script = card
    ? "<script>document.addEventListener('storycard:ready', () => window.__done(), { once: true });</script>\n" +
      `<script type="module" src="${pkg(name)}storycard.js"></script>`
      : name === 'static'
        ? '<script>window.__done()</script>'
        : `<script type="module" src="${name}.js"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} ${n}</title>
<link rel="icon" href="data:,">
<script>
window.__long = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
// Settled once the contestant said it rendered and the browser reported the first paint: the
// harness awaits this promise rather than polling, which would add script to the frames it times.
window.__finished = new Promise((resolve) => {
  const settle = () => window.__complete !== undefined && window.__fcp !== undefined && resolve();
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') { window.__fcp = e.startTime; settle(); } }).observe({ type: 'paint', buffered: true });
  // (painted whole: the first task after the next frame's rendering steps)
  window.__done = () => {
    window.__rendered = performance.now();
    requestAnimationFrame(() => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => { window.__complete = performance.now(); settle(); };
      port2.postMessage(0);
    });
  };
});
</script>
${css}
<style>body{margin:0;font-family:system-ui,sans-serif}main{max-width:72rem;margin:0 auto;padding:1rem}</style>
</head><body><main><div id="app">${body}</div></main>
${name === 'storycard-ssr' ? '' : `<script type="application/json" id="data" data-n="${n}">${island}</script>`}
${script}
</body></html>`;
}

const files = {
  ...Object.fromEntries(ELEMENT.map((name) => [name, ['storycard.js', ...(chained(name) ? ['storycard_wasm.js'] : []), 'storycard_wasm_bg.wasm', ...(name === 'storycard-ssr' ? ['storycard_behaviour.js', 'storycard_behaviour_bg.wasm'] : [])].map((f) => `${pkg(name).slice(1)}${f}`)])),
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

/** The main thread's busy time and script time so far, from DevTools' counters (ms). */
async function counters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => 1000 * metrics.find((m) => m.name === name).value;
  // TaskDuration: everything the main thread did (parsing, script, WebAssembly, style, layout,
  // paint); ScriptDuration leaves out WebAssembly run from a microtask, most of storycard's work.
  return { busy: metric('TaskDuration'), script: metric('ScriptDuration') };
}

/** What a trace records: the main thread's tasks and what they ran, the engine's compiling. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel'];

/** The trace's events, once recording ends. */
async function endTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * What the measured page's main thread did from its navigation to its first paint, in ms: each
 * kind of work (events of the names below, not counted again inside one another's kind), its
 * tasks, and when the paint came.
 */
function untilPaint(events) {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) return null;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === fcp.pid && e.tid === fcp.tid)
    ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === fcp.pid);
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === fcp.pid && e.args?.data?.isLoadingMainFrame)?.ts
    ?? events.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid).at(-1)?.ts;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= start && e.ts < fcp.ts);
  const KINDS = {
    'parse HTML': ['ParseHTML'],
    'script compile': ['v8.compile', 'V8.CompileCode', 'v8.compileModule', 'CacheScript'],
    'script run': ['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'],
    'wasm from cache': ['v8.wasm.compileConsume', 'wasm.Deserialize'],
    'wasm compile': ['wasm.CompileLazy', 'v8.wasm.compile', 'wasm.SyncCompile', 'wasm.StartStreamingCompilation', 'wasm.OnCompilationSucceeded'],
    'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'],
    style: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'],
    layout: ['Layout'],
    paint: ['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer'],
  };
  const kindOf = new Map(Object.entries(KINDS).flatMap(([kind, names]) => names.map((name) => [name, kind])));
  // (the time of each kind, without its own events nested inside one another: wall time covered)
  const spans = {};
  for (const e of on) {
    const kind = kindOf.get(e.name);
    if (kind) (spans[kind] ??= []).push([e.ts, e.ts + e.dur]);
  }
  const covered = (list) => {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of list) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    return total / 1000;
  };
  const tasks = on.filter((e) => e.name === 'RunTask');
  const out = { 'first paint': (fcp.ts - start) / 1000, tasks: tasks.length, busy: tasks.reduce((t, e) => t + e.dur, 0) / 1000 };
  for (const [kind, list] of Object.entries(spans)) out[kind] = covered(list);
  for (const key of Object.keys(out)) out[key] = Math.round(out[key] * 10) / 10;
  return out;
}

async function sample(env, name, n, profile, trace = false) {
  const page = await env.context.newPage();
  if (profile.viewport) await page.setViewportSize(profile.viewport);
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !profile.returning });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
  if (profile.rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.rate });
  const origin = env.servers[profile.server] ?? env.url;
  // (the returning reader: another article first, in the same tab, its work not counted)
  let before = { busy: 0, script: 0 };
  if (profile.returning) {
    await page.goto(`${origin}bench/out/${name}-${n}-other.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.__finished);
    before = await counters(cdp);
  }
  if (trace) await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  await page.goto(`${origin}bench/out/${name}-${n}.html`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.__finished);
  if (trace) {
    const events = await endTrace(cdp);
    writeFileSync(join(OUT, `trace-${name}-${profile.name}-${n}.json`), JSON.stringify(events));
    process.stderr.write(`bench: ${name}, ${profile.name}, N = ${n}, main thread until the first paint: ${JSON.stringify(untilPaint(events))}\n`);
  }
  const timing = await page.evaluate(() => ({
    paint: window.__fcp,
    rendered: window.__rendered,
    complete: window.__complete,
    // (storycard's controls work from its first behaviour: a server-rendered card's comes before
    // the widget is ready; the other contestants' work once they have rendered)
    interactive: performance.getEntriesByName('storycard:interactive')[0]?.startTime ?? window.__rendered,
    longest: Math.max(0, ...window.__long),
    slides: document.querySelector('story-card')?.shadowRoot.querySelectorAll('[part~="slide"]').length ?? document.querySelectorAll('[part~="slide"]').length,
  }));
  const after = await counters(cdp);
  // (a navigation that started a new renderer starts its counters again)
  const since = after.busy >= before.busy ? before : { busy: 0, script: 0 };
  if (profile.rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // (the element's own module: an earlier build's bindings are their own module, the same instance)
  const wasm = ELEMENT.includes(name)
    ? await page.evaluate(
        async ([at, chain]) =>
          (chain ? (await (await import(`${at}storycard_wasm.js`)).default()).memory : await (await import(`${at}storycard.js`)).wasmMemory()).buffer.byteLength,
        [pkg(name), chained(name)],
      )
    : 0;
  await page.close();
  return { name, n, profile: profile.name, ...timing, busy: after.busy - since.busy, script: after.script - since.script, memory: heap + wasm, heap, wasm };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const began = Date.now();
  build();
  const env = await start();
  // The network profiles' origins: the files compressed, and (for the returning reader) cached.
  const site = await serve({ root: ROOT, port: 0, compress: true });
  const cached = await serve({ root: ROOT, port: 0, compress: true, cache: 'max-age=3600' });
  env.servers = Object.fromEntries([['site', site], ['cached', cached]].map(([key, server]) => [key, `http://127.0.0.1:${server.address().port}/`]));
  const samples = [];
  const sizes = [...new Set(PROFILES.flatMap((p) => p.sizes))].sort((a, b) => a - b);
  try {
    // The static pages hold the markup the vanilla contestant renders.
    for (const n of sizes) {
      for (const other of [false, true]) {
        const file = (name) => join(OUT, `${name}-${n}${other ? '-other' : ''}.html`);
        for (const name of CONTESTANTS.filter((c) => c !== 'static')) writeFileSync(file(name), page(name, n, { other }));
        const probe = await env.context.newPage();
        await probe.goto(`${env.url}bench/out/vanilla-${n}${other ? '-other' : ''}.html`, { waitUntil: 'domcontentloaded' });
        await probe.evaluate(() => window.__finished);
        writeFileSync(file('static'), page('static', n, { other, body: await probe.evaluate(() => document.getElementById('app').innerHTML) }));
        await probe.close();
      }
    }
    for (const profile of PROFILES) {
      for (const n of profile.sizes) {
        // One warm-up round, not kept: the server's and the browser's first requests.
        for (const name of CONTESTANTS) await sample(env, name, n, profile);
        for (let i = 0; i < SAMPLES; i++) {
          for (const name of CONTESTANTS) samples.push(await sample(env, name, n, profile));
        }
        for (const name of TRACED) await sample(env, name, n, profile, true);
        process.stderr.write(`bench: N = ${n}, ${profile.name} done (${Math.round((Date.now() - began) / 1000)} s)\n`);
      }
    }
  } finally {
    await env.stop();
    await Promise.all([site, cached].map((server) => new Promise((done) => server.close(done))));
  }
  report(samples, (Date.now() - began) / 1000);
}

function report(samples, seconds) {
  const bytes = Object.fromEntries(CONTESTANTS.map((name) => [name, shipped(name)]));
  const rows = [];
  for (const profile of PROFILES) {
    for (const n of profile.sizes) {
      const of = (name) => samples.filter((s) => s.name === name && s.n === n && s.profile === profile.name);
      const base = median(of('vanilla').map((s) => s.paint));
      const baseReady = median(of('vanilla').map((s) => s.rendered));
      const baseComplete = median(of('vanilla').map((s) => s.complete));
      for (const name of CONTESTANTS) {
        const mine = of(name);
        rows.push({
          n, profile: profile.name, name,
          paint: median(mine.map((s) => s.paint)),
          ratio: median(mine.map((s) => s.paint)) / base,
          ready: median(mine.map((s) => s.rendered)),
          readyRatio: median(mine.map((s) => s.rendered)) / baseReady,
          complete: median(mine.map((s) => s.complete)),
          completeRatio: median(mine.map((s) => s.complete)) / baseComplete,
          interactive: median(mine.map((s) => s.interactive)),
          interactiveRatio: median(mine.map((s) => s.interactive)) / baseReady,
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
  console.log('| N | profile | contestant | first paint (ms) | vs vanilla | interactive (ms) | vs vanilla | ready (ms) | vs vanilla | painted whole (ms) | vs vanilla | main thread (ms) | longest task (ms, median / worst) | heap + wasm (MB) | gzip / brotli (bytes) |');
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${r.profile} | ${r.name} | ${r.paint.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.interactive.toFixed(1)} | ${r.interactiveRatio.toFixed(2)} | ${r.ready.toFixed(1)} | ${r.readyRatio.toFixed(2)} | ${r.complete.toFixed(1)} | ${r.completeRatio.toFixed(2)} | ${r.busy.toFixed(1)} | ${r.longest.toFixed(0)} / ${r.worst.toFixed(0)} | ${(r.memory / 1e6).toFixed(2)} | ${bytes[r.name].gzip} / ${bytes[r.name].brotli} |`,
    );
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), quick, samples: SAMPLES, profiles: PROFILES, seconds, bytes, rows, raw: samples }, null, 1)}\n`,
  );
  if (!quick && PROFILES.length === ALL_PROFILES.length) writeFileSync(join(ROOT, 'docs/bench.svg'), chart(rows));
}

/** Median first paint, one group of bars per N at 1× and per network profile, each group scaled to its slowest. */
function chart(rows) {
  const COLORS = { storycard: '#0a58ca', 'storycard-before': '#7aa7e8', 'storycard-ssr': '#5c3cc4', vanilla: '#2e7d32', embla: '#8e6c00', swiper: '#b3261e', splide: '#6a1b9a', keen: '#00695c', static: '#757575' };
  const TITLES = { '1×': 'desktop, 1× CPU', phone: 'a phone: 4× CPU, 150 ms, 1.6 Mbit/s', returning: 'a returning reader on the phone' };
  const groups = PROFILES.filter((p) => TITLES[p.name]).flatMap((p) => p.sizes.map((n) => rows.filter((r) => r.n === n && r.profile === p.name)));
  const width = 760;
  const barH = 14;
  const groupH = CONTESTANTS.length * (barH + 4) + 34;
  const height = groups.length * groupH + 40;
  let y = 30;
  const parts = [`<text x="10" y="20" font-weight="700">Median time to first paint of the card and carousel, from the navigation's start (ms; shorter is better)</text>`];
  for (const group of groups) {
    const max = Math.max(...group.map((r) => r.paint));
    parts.push(`<text x="10" y="${y + 14}" font-weight="700">N = ${group[0].n}, ${TITLES[group[0].profile]}</text>`);
    y += 22;
    for (const r of group) {
      const w = Math.max(1, ((width - 280) * r.paint) / max);
      parts.push(
        `<text x="10" y="${y + 11}">${r.name}</text><rect x="120" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[r.name]}"/>` +
          `<text x="${(126 + w).toFixed(1)}" y="${y + 11}">${r.paint.toFixed(1)} (${r.ratio.toFixed(2)}×)</text>`,
      );
      y += barH + 4;
    }
    y += 12;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="Benchmark chart"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>\n`;
}

await main();

// Counts WebKit's WebAssembly faults (docs/browsers.md) on the release package, one fresh page and
// module at a time: each round loads a new page, which compiles and instantiates the core module
// anew (the engine tiers its code up anew), and mounts a widget on 30,000 related entries
// (20,000 stories, as the browser test `a_long_related_list_is_read_in_slices` gives); it waits
// for the widget's event and checks what it reports. A fault in the engine shows as
// `storycard:error` ("the widget failed: ..."), a rejected mount, a wrong count or no answer.
//
//   node scripts/webkit-fresh.mjs [SESSIONS=20] [ROUNDS=20]
//
// Settings for JavaScriptCore go in the environment, which the browser inherits
// (`JSC_useConcurrentJIT=false node scripts/webkit-fresh.mjs`); VERBOSE=1 prints each round's
// time; CLOCK=counting makes Date.now move 1 ms a call, as the browser test does; ENTRIES=30 mounts a page's 30 entries instead; PKG=DIR serves another build of pkg/'s files. Needs `npm run build` first.
//
// MODULE=alone runs, in place of the widget, a module without storycard's code
// (scripts/webkit-alone/src/slices.rs, built here unoptimised, as the browser tests build theirs):
// the same entries read a slice at a time with serde-wasm-bindgen, deduped, their words indexed,
// each removal handed back as an object, the clock read every 8 entries, 10 ms a slice.
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { serve } from './serve.mjs';
import { engines, launch } from '../tests/engines/webdriver.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sessions = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 20);
// (ENTRIES: the related entries a round mounts, a multiple of 3; a third of them repeats)
const entries = Number(process.env.ENTRIES ?? 30_000);
// (CLOCK=counting: Date.now moves 1 ms a call, as in the browser test, so the render takes
// hundreds of slices, each a call into the module)
const counting = process.env.CLOCK === 'counting';
// (PKG: another build of the package's files, such as an unoptimised one)
const alone = process.env.MODULE === 'alone';
const pkg = alone ? buildAlone() : process.env.PKG ?? join(ROOT, 'pkg');
if (!alone && !existsSync(join(pkg, 'storycard.js'))) throw new Error('build the package first (npm run build)');

/** Builds scripts/webkit-alone's `slices` module for the page; returns its directory. */
function buildAlone() {
  const crate = join(ROOT, 'scripts', 'webkit-alone');
  const target = process.env.CARGO_TARGET_DIR ?? '/tmp/webkit-alone-target';
  const out = join(target, 'slices-pkg');
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: crate, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: target } });
    if (r.status !== 0) throw new Error(`${cmd} failed`);
  };
  run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--features', 'slices']);
  run('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'alone', join(target, 'wasm32-unknown-unknown', 'debug', 'wkrepro.wasm')]);
  return out;
}
const engine = engines().webkit;
if (!engine) throw new Error('WebKitWebDriver and xvfb-run are needed (scripts/setup.sh test)');
// (a blank page, and the package beside it)
const site = mkdtempSync(join(tmpdir(), 'webkit-fresh-'));
symlinkSync(pkg, join(site, 'pkg'));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>one round</title><body></body>');
const server = await serve({ root: site, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const settings = Object.entries(process.env).filter(([k]) => k.startsWith('JSC_')).map(([k, v]) => `${k}=${v}`).join(' ') || 'default';

/** Starts one round in the page; what it saw goes into `window.seen`: `ok` or what went wrong. */
function roundInPage(entries, counting) {
  // (the browser test's clock: one millisecond a look, so that a slice reads 88 entries)
  if (counting) {
    let t = 0;
    Date.now = () => (t += 1);
  }
  const stories = (entries / 3) * 2;
  const related = [];
  for (let i = 0; i < entries; i += 1) {
    const story = i % stories;
    related.push({ headline: `Story ${story} on the harbour`, url: `https://news.example/story-${story}` });
  }
  const data = { article: { headline: 'The harbour' }, related };
  const host = document.createElement('div');
  document.body.append(host);
  const event = new Promise((done) => {
    host.addEventListener('storycard:ready', (e) => done(['ready', e.detail]));
    host.addEventListener('storycard:error', (e) => done(['error', e.detail]));
  });
  const start = performance.now();
  (async () => {
    try {
      const { mount } = await import('/pkg/storycard.js');
      await mount(host, { data });
      const [kind, detail] = await event;
      if (kind !== 'ready') return `storycard:error: ${detail.message}`;
      const slides = host.shadowRoot.querySelectorAll('[part~="slide"]').length;
      if (detail.removed.length !== entries - stories || slides !== Math.min(20, stories)) return `${detail.removed.length} removed, ${slides} slides`;
      return 'ok';
    } catch (error) {
      const [kind, detail] = await Promise.race([event, new Promise((done) => setTimeout(() => done([]), 100))]);
      return `${error}${kind === 'error' ? ` (storycard:error: ${detail.message})` : ''}`;
    }
  })().then((seen) => {
    window.seen = seen;
    window.took = Math.round(performance.now() - start);
  });
  return 0;
}

/** The same round with the module without storycard: its job stepped in task after task. (It
 * builds the same entries as `roundInPage`: each runs in the page as its own source text, so
 * neither can call a helper.) */
function aloneRoundInPage(entries, counting) {
  if (counting) {
    let t = 0;
    Date.now = () => (t += 1);
  }
  const stories = (entries / 3) * 2;
  const related = [];
  for (let i = 0; i < entries; i += 1) {
    const story = i % stories;
    related.push({ headline: `Story ${story} on the harbour`, url: `https://news.example/story-${story}` });
  }
  // (what the module's panic hook says, if it panics)
  const told = [];
  const said = console.error;
  console.error = (...args) => {
    told.push(args.join(' ').slice(0, 300));
    said.apply(console, args);
  };
  const start = performance.now();
  (async () => {
    try {
      const { default: init, Job, tell_panics: tellPanics } = await import('/pkg/alone.js');
      await init();
      tellPanics();
      const job = new Job(related);
      const channel = new MessageChannel();
      await new Promise((done, fail) => {
        channel.port1.onmessage = () => {
          try {
            if (job.step()) done();
            else channel.port2.postMessage(0);
          } catch (error) {
            fail(error);
          }
        };
        channel.port2.postMessage(0);
      });
      const removed = job.removed();
      if (job.kept() !== stories || removed.length !== entries - stories) return `${job.kept()} kept, ${removed.length} removed`;
      for (const r of removed) {
        if (r.kept !== r.position % stories || r.reason !== 'same-url' || r.headline !== `Story ${r.kept} on the harbour`) return `removal read back wrong: ${JSON.stringify(r)}`;
      }
      return 'ok';
    } catch (error) {
      return `${error}${told.length ? ` (${told.join('; ')})` : ''}`;
    }
  })().then((seen) => {
    window.seen = seen;
    window.took = Math.round(performance.now() - start);
  });
  return 0;
}

/** Polls the page until its round ended; one that gives no answer in 60 s is a hang. */
async function poll(browser) {
  for (let waited = 0; waited < 60_000; waited += 250) {
    await new Promise((done) => setTimeout(done, 250));
    const [seen, took] = await browser.run(() => [window.seen ?? null, window.took ?? null]);
    if (seen !== null) return [seen, took];
  }
  return ['no answer in 60 s', null];
}

let failed = 0;
let total = 0;
try {
  for (let s = 1; s <= sessions; s += 1) {
    const took = [];
    let bad = 0;
    let browser;
    try {
      browser = await launch('webkit', engine);
      for (let k = 0; k < rounds; k += 1) {
        await browser.go(`${base}index.html?round=${k}`);
        await browser.run(alone ? aloneRoundInPage : roundInPage, entries, counting);
        const [seen, ms] = await poll(browser);
        total += 1;
        took.push(ms);
        if (seen !== 'ok') {
          bad += 1;
          console.log(`  session ${s}, round ${k}: ${seen}`);
          // (a page that still runs is left with its browser: the next round gets a new one)
          if (ms === null) break;
        }
      }
    } catch (error) {
      total += 1;
      bad += 1;
      console.log(`  session ${s}: ${String(error.message ?? error).slice(0, 300)}`);
    } finally {
      await browser?.quit();
    }
    failed += bad;
    if (process.env.VERBOSE) console.log(`  ms a round: ${took.join(' ')}`);
    console.log(`webkit-fresh: session ${s}: ${bad} failed; in all ${failed} of ${total} rounds (${alone ? 'the module without storycard, ' : ''}${entries} entries${counting ? ', counting clock' : ''}, ${settings})`);
  }
} finally {
  server.close();
  rmSync(site, { recursive: true, force: true });
}

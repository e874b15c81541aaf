// `npm run bench:edge`: the edge worker under load on the loopback. An origin (its own Node
// process) serves two article pages; autocannon sends 10,000 requests at 50 connections to each
// of these in turn:
//   origin        the origin itself
//   pass-through  a worker in workerd that returns the origin's response (what workerd adds)
//   storycard     storycard/edge (pkg/edge.js: lol-html compiled into the module), each request
//                 for a new address (?v=N: every card made, none from the worker's memo)
//   storycard, same address   the same, every request for one address (the card made once,
//                 then from the memo, as a hot article's requests are)
//   HTMLRewriter  the runtime's HTMLRewriter driving the server module (bench/edge/htmlrewriter.js;
//                 the first page only: it handles no other case), a new address each request
// and prints requests per second, the p50 and p99 latency and what each adds to the origin's,
// and workerd's resident memory when it has started and after the run. Then the rewriter alone,
// in Node (the same module, on one page at a time): its time per page when the card is made,
// when it is kept, and for a page without the element. One run: the ratios between rows are what
// to compare (these machines are noisy).
//
//   node bench/edge.mjs [--amount 10000] [--connections 50] [--out FILE]
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startEdge } from '../scripts/edge.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const HTML = 'text/html; charset=utf-8';

/** The pages: the data island before the element (the card at once), and the demo (at the end). */
function pages() {
  const index = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const island = index.match(/<script type="application\/json" id="article-data">[\s\S]*?<\/script>/)[0];
  const fast = index.replace('<story-card source="#article-data"></story-card>', '').replace(island, `${island}\n<story-card source="#article-data"></story-card>`);
  return { '/island-first.html': fast, '/demo.html': index };
}

if (process.argv[2] === '--serve-origin') {
  // The origin process.
  const served = pages();
  const server = createServer((req, res) => {
    const body = served[new URL(req.url, 'http://x').pathname];
    if (!body) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': HTML, 'content-length': Buffer.byteLength(body), etag: '"bench"' });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  await main();
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const amount = Number(flag('amount', 10_000));
  const connections = Number(flag('connections', 50));
  const out = flag('out', join(ROOT, 'bench/results', `edge-${new Date().toISOString().slice(0, 10)}.json`));

  const originProcess = fork(new URL(import.meta.url).pathname, ['--serve-origin']);
  const port = await new Promise((done) => originProcess.once('message', done));
  const origin = `http://127.0.0.1:${port}`;
  const pkg = (name) => join(ROOT, 'pkg', name);
  const workers = [
    { name: 'pass-through', modules: [join(ROOT, 'bench/edge/passthrough.js')] },
    { name: 'storycard', modules: [pkg('edge.js'), pkg('storycard_edge.js'), pkg('storycard_edge_bg.wasm')] },
    {
      name: 'HTMLRewriter',
      modules: [join(ROOT, 'bench/edge/htmlrewriter.js'), pkg('playground/storycard_render.js'), pkg('playground/storycard_render_bg.wasm')],
      only: '/island-first.html',
    },
  ];
  const sizes = {
    storycard: moduleSize([pkg('edge.js'), pkg('storycard_edge.js'), pkg('storycard_edge_bg.wasm')]),
    HTMLRewriter: moduleSize([join(ROOT, 'bench/edge/htmlrewriter.js'), pkg('playground/storycard_render.js'), pkg('playground/storycard_render_bg.wasm')]),
  };

  const rows = [];
  let edgePort = 8790;
  try {
    for (const path of Object.keys(pages())) {
      const direct = await load(`${origin}${path}`, amount, connections);
      rows.push({ page: path, via: 'origin', ...direct });
      for (const worker of workers) {
        if (worker.only && worker.only !== path) continue;
        for (const fresh of worker.name === 'storycard' ? [true, false] : [worker.name !== 'pass-through']) {
          const edge = await startEdge({ origin, port: edgePort++, modules: worker.modules, quiet: true });
          try {
            const body = await (await fetch(`${edge.url}${path}?v=check`)).text();
            const card = /data-storycard-view="[0-9a-f]{16}"/.test(body);
            if (worker.name !== 'pass-through' && !card) throw new Error(`${worker.name}: no card in ${path}`);
            const start = rss(edge.pid);
            const r = await load(`${edge.url}${path}`, amount, connections, fresh);
            const via = fresh || worker.name === 'pass-through' ? worker.name : `${worker.name}, same address`;
            rows.push({ page: path, via, ...r, card, rssStart: start, rssEnd: rss(edge.pid) });
          } finally {
            await edge.stop();
          }
        }
      }
    }
  } finally {
    originProcess.kill();
  }

  const alone = await rewriterAlone();
  const ms = (v) => v.toFixed(1);
  console.log(`\nbench:edge: ${amount} requests at ${connections} connections, one run (node bench/edge.mjs)\n`);
  console.log('| page | through | requests/s | p50 ms | p99 ms | added p50 | added p99 | errors | workerd RSS start → end |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const base = rows.find((o) => o.page === r.page && o.via === 'origin');
    const added = r.via === 'origin' ? ['', ''] : [ms(r.p50 - base.p50), ms(r.p99 - base.p99)];
    const memory = r.rssStart ? `${mb(r.rssStart)} → ${mb(r.rssEnd)} MB` : '';
    console.log(`| ${r.page} | ${r.via} | ${Math.round(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${added[0]} | ${added[1]} | ${r.errors} | ${memory} |`);
  }
  console.log('\nThe rewriter alone, in Node (µs a page, the median of 9 batches):', JSON.stringify(alone));
  console.log('What each worker loads (gzipped bytes):', JSON.stringify(sizes));
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ amount, connections, sizes, rows, alone }, null, 2)}\n`);
  console.log(`(written to ${out})`);
}

/**
 * 200 requests to warm up, then `amount` at `connections`: requests per second and latency.
 * `fresh`: each request for a new address (`?v=N`).
 */
async function load(url, amount, connections, fresh = false) {
  let n = 0;
  const path = new URL(url).pathname;
  const requests = fresh ? [{ setupRequest: (req) => ({ ...req, path: `${path}?v=${n++}` }) }] : undefined;
  await autocannon({ url, connections: 10, amount: 200, requests });
  const r = await autocannon({ url, connections, amount, requests });
  return {
    rps: (r.requests.total / r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
    requests: r.requests.total,
  };
}

/** A process's resident memory, in bytes. */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

function mb(bytes) {
  return (bytes / 2 ** 20).toFixed(1);
}

function moduleSize(files) {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

/**
 * The edge module's rewriter on one page at a time in Node: the median time of a page, in µs, of
 * 9 batches of 50, for the island-first page with its card made each time (a new address), kept
 * (the same address), the demo page (its island after the element) made, and a page without the element.
 */
async function rewriterAlone() {
  const { initSync, EdgeRewriter } = await import(join(ROOT, 'pkg/storycard_edge.js'));
  initSync({ module: readFileSync(join(ROOT, 'pkg/storycard_edge_bg.wasm')) });
  const served = pages();
  const bytes = (html) => new TextEncoder().encode(html);
  const fast = bytes(served['/island-first.html']);
  const demo = bytes(served['/demo.html']);
  const none = bytes(served['/island-first.html'].replace('<story-card source="#article-data"></story-card>', ''));
  let n = 0;
  const rewrite = (page, fresh) => () => {
    const r = new EdgeRewriter(`https://news.example.com/a.html${fresh ? `?v=${n++}` : ''}`, {});
    r.write(page);
    r.end();
    r.free();
  };
  const median = (f) => {
    for (let i = 0; i < 20; i++) f();
    const batches = [];
    for (let b = 0; b < 9; b++) {
      const t = performance.now();
      for (let i = 0; i < 50; i++) f();
      batches.push(((performance.now() - t) / 50) * 1000);
    }
    return Math.round(batches.sort((x, y) => x - y)[4]);
  };
  return {
    'island first, card made': median(rewrite(fast, true)),
    'island first, card kept': median(rewrite(fast, false)),
    'demo (island after), card made': median(rewrite(demo, true)),
    'no element': median(rewrite(none, false)),
  };
}

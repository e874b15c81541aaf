// The edge worker (storycard/edge) in workerd, the open-source Workers runtime, in front of an
// origin on the loopback: the card written into the article as it streams through, with the
// deduplicated stories and the same tree the browser renders from the same page; everything that
// is not a whole HTML page passing through untouched; and a 5 MB page streamed, its card and its
// first bytes out before the origin has sent its last.
process.env.TZ = 'UTC';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TREE, browserForFile, enhance } from './browser.mjs';
import { freePort, startEdge } from '../../scripts/edge.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/pages');
const MODULE = '/__storycard/';
const TYPES = { js: 'text/javascript', wasm: 'application/wasm' };
// (the host the pages are asked for by: the worker's page address, whichever port it is on)
const HOST = 'news.storycard.test';
const HTML = 'text/html; charset=utf-8';

const seedIsland = readFileSync(join(ROOT, 'index.html'), 'utf8').match(
  /<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/,
)[1];
const shell = (body, title = 'Edge') =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body><main>${body}</main></body></html>\n`;
/** The seed's island, then its element: the card is known at the element. */
const FAST = shell(`<script type="application/json" id="article-data">${seedIsland}</script>\n<story-card source="#article-data"></story-card>\n<p>After the card.</p>`);

/** What the origin answers, by path: status, headers, body (or a function of the request). */
const routes = new Map();
let origin;
let edge;
const env = browserForFile({ timezoneId: 'UTC' });

before(async () => {
  origin = createServer((req, res) => {
    const route = routes.get(new URL(req.url, 'http://x').pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, route.headers ?? { 'content-type': HTML });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  });
  await new Promise((done) => origin.listen(0, '127.0.0.1', done));
  edge = await startEdge({ origin: `http://127.0.0.1:${origin.address().port}`, port: 0, quiet: true });
});

after(async () => {
  await edge?.stop();
  await new Promise((done) => origin?.close(done) ?? done());
});

/**
 * A request to the worker, as a reader's browser makes it (the host the page is served from):
 * its status, headers (lists for repeated ones) and body as bytes. `onData(bytesSoFar)` sees the
 * body as it comes.
 */
function ask(path, { method = 'GET', headers = {}, onData } = {}) {
  const url = new URL(edge.url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method, headers: { host: HOST, ...headers } },
      (res) => {
        const chunks = [];
        let seen = 0;
        res.on('data', (c) => {
          chunks.push(c);
          seen += c.length;
          onData?.(seen, chunks);
        });
        res.on('end', () => done({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

test('a page whose island comes before its element gets the card at once, the rest byte for byte', async () => {
  routes.set('/fast.html', {
    headers: {
      'content-type': HTML,
      'content-length': String(Buffer.byteLength(FAST)),
      etag: '"v1"',
      'cache-control': 'public, max-age=60',
      'content-security-policy': "default-src 'self'",
      'set-cookie': ['a=1; Path=/', 'b=2; Path=/'],
    },
    body: FAST,
  });
  const res = await ask('/fast.html');
  assert.equal(res.status, 200);
  const html = res.body.toString('utf8');
  // Everything around the element is the origin's, byte for byte.
  const [head, tail] = FAST.split('<story-card source="#article-data"></story-card>');
  assert.ok(html.startsWith(head), 'the bytes before the element');
  assert.ok(html.endsWith(tail), 'the bytes after it');
  const card = html.slice(head.length, html.length - tail.length);
  assert.match(card, /^<script type="application\/json" id="storycard-edge-data">/);
  assert.match(card, /<story-card source="#storycard-edge-data" lang="en" data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open"><style>/);
  // The related list repeats three stories: each is there once.
  const island = JSON.parse(card.match(/id="storycard-edge-data">([\s\S]*?)<\/script>/)[1]);
  const headlines = island.related.map((r) => r.headline);
  assert.equal(headlines.length, 8);
  assert.equal(new Set(headlines).size, headlines.length, 'no story twice');
  // The headers: kept, but no length, and a weak validator.
  assert.equal(res.headers['content-length'], undefined);
  assert.equal(res.headers.etag, 'W/"v1"');
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  assert.equal(res.headers['content-security-policy'], "default-src 'self'");
  assert.deepEqual(res.headers['set-cookie'], ['a=1; Path=/', 'b=2; Path=/']);
  // Asked again (the card then from the worker's memo): the same bytes.
  assert.ok((await ask('/fast.html')).body.equals(res.body), 'the same page again');
  // The same island under other options: its own card, not the one kept.
  routes.set('/fast-3.html', { headers: { 'content-type': HTML }, body: FAST.replace('<story-card source="#article-data">', '<story-card source="#article-data" max="3">') });
  const three = (await ask('/fast-3.html')).body.toString('utf8');
  assert.equal(JSON.parse(three.match(/id="storycard-edge-data">([\s\S]*?)<\/script>/)[1]).related.length, 3);
});

test('every case that is not a whole HTML page passes through untouched', async () => {
  const page = FAST;
  const cases = [
    { name: 'JSON', path: '/data.json', route: { headers: { 'content-type': 'application/json', etag: '"j"' }, body: '{"story-card": "<story-card>"}' } },
    { name: 'a picture', path: '/p.png', route: { headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71, 60, 115, 116]) } },
    { name: 'a 404 page', path: '/gone.html', route: { status: 404, headers: { 'content-type': HTML }, body: page } },
    { name: 'an origin error', path: '/error.html', route: { status: 503, headers: { 'content-type': HTML, 'retry-after': '30' }, body: page } },
    { name: 'a redirect', path: '/moved.html', route: { status: 301, headers: { location: '/fast.html', 'content-type': HTML }, body: page } },
    { name: 'a page in another encoding', path: '/latin1.html', route: { headers: { 'content-type': 'text/html; charset=iso-8859-1' }, body: Buffer.from(page, 'latin1') } },
    { name: 'a page that says it is in another encoding', path: '/cp1252.html', route: { headers: { 'content-type': 'text/html' }, body: Buffer.from(page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">'), 'latin1') }, bodyOnly: true },
    {
      name: 'a page with a byte that is not UTF-8 in a script',
      path: '/odd-byte.html',
      route: { headers: { 'content-type': HTML }, body: Buffer.concat([Buffer.from('<!doctype html><p>Odd</p><script id="s">var a = "caf'), Buffer.from([0xe9]), Buffer.from('";</script>')]) },
      bodyOnly: true,
    },
    { name: 'a page without the element', path: '/plain.html', route: { headers: { 'content-type': HTML }, body: shell('<p>No card here.</p><ul class="related"><li><a href="/a">A story elsewhere today</a></li></ul>') }, bodyOnly: true },
    { name: 'a page already rendered', path: '/rendered.html', route: { headers: { 'content-type': HTML }, body: shell('<story-card data-storycard-view="0123456789abcdef"><template shadowrootmode="open"><p>Card</p></template></story-card>') }, bodyOnly: true },
  ];
  for (const c of cases) {
    routes.set(c.path, { ...c.route, headers: { ...c.route.headers, 'x-origin': 'yes' } });
    const direct = await fetchOrigin(c.path);
    const res = await ask(c.path);
    assert.equal(res.status, direct.status, `${c.name}: status`);
    assert.ok(res.body.equals(direct.body), `${c.name}: the body byte for byte`);
    assert.equal(res.headers['x-origin'], 'yes', `${c.name}: headers kept`);
    if (!c.bodyOnly) {
      assert.equal(res.headers['content-length'], direct.headers['content-length'], `${c.name}: length kept`);
      assert.equal(res.headers.etag, direct.headers.etag, `${c.name}: validator kept`);
    }
    if (c.route.status === 301) assert.equal(res.headers.location, '/fast.html', 'the redirect is not followed');
  }
  // HEAD: the origin's answer, its length and validator as they are.
  routes.set('/head.html', { headers: { 'content-type': HTML, 'content-length': String(Buffer.byteLength(page)), etag: '"h"' }, body: page });
  const head = await ask('/head.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], String(Buffer.byteLength(page)));
  assert.equal(head.headers.etag, '"h"');
  // A range request: the origin's partial answer.
  routes.set('/range.html', (req, res) => {
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '') ?? [];
    if (from === undefined) {
      res.writeHead(200, { 'content-type': HTML });
      return res.end(page);
    }
    res.writeHead(206, { 'content-type': HTML, 'content-range': `bytes ${from}-${to}/${page.length}` });
    res.end(page.slice(Number(from), Number(to) + 1));
  });
  const range = await ask('/range.html', { headers: { range: 'bytes=0-99' } });
  assert.equal(range.status, 206);
  assert.equal(range.body.toString(), page.slice(0, 100));
});

/** The origin's own answer to a GET of `path`. */
function fetchOrigin(path) {
  return new Promise((done, fail) => {
    httpRequest({ host: '127.0.0.1', port: origin.address().port, path }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

/**
 * `html` served at `url` to Chromium, with the element module from pkg/ unless `module` is false
 * (anything else asked for is answered 204 here).
 */
async function serveAt(url, html, module = true) {
  const tab = await env.context.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.route('**/*', async (route) => {
    const asked = new URL(route.request().url());
    if (route.request().url() === url) return route.fulfill({ contentType: HTML, body: html });
    if (module && asked.pathname.startsWith(MODULE)) {
      const name = asked.pathname.slice(MODULE.length);
      return route.fulfill({ contentType: TYPES[name.split('.').pop()], body: readFileSync(join(ROOT, 'pkg', name)) });
    }
    return route.fulfill({ status: 204 });
  });
  return { tab, problems };
}

/** The card's tree once the widget has rendered `html` at `url` (or its error's message). */
async function client(url, html) {
  const { tab, problems } = await serveAt(url, html);
  await tab.addInitScript((tree) => {
    const serialize = new Function(`return ${tree}`)();
    document.addEventListener('storycard:ready', (e) => {
      window.__tree = serialize(e.target.shadowRoot);
    });
    document.addEventListener('storycard:error', (e) => {
      window.__error = e.detail.message;
    });
  }, TREE);
  await tab.goto(url);
  await tab.waitForFunction(() => window.__tree || window.__error);
  const got = await tab.evaluate(() => ({ tree: window.__tree, error: window.__error }));
  await tab.close();
  assert.deepEqual(problems, []);
  return got;
}

/** The card's tree as the HTML brings it, before any script. */
async function written(url, html) {
  const { tab } = await serveAt(url, html, false);
  await tab.goto(url);
  const tree = await tab.evaluate((tree) => new Function(`return ${tree}`)()(document.querySelector('story-card').shadowRoot), TREE);
  await tab.close();
  return tree;
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

test(`the demo pages and ${names.length} fixture pages: the card the worker writes is the tree the browser renders`, async () => {
  const pages = [
    // The demo: the island after the element (the card written at the page's end).
    { name: 'demo', html: readFileSync(join(ROOT, 'index.html'), 'utf8').replace('src="pkg/storycard.js"', `src="${MODULE}storycard.js"`) },
    // The article page without data: the page read for its card.
    { name: 'article', html: enhance(readFileSync(join(ROOT, 'www/article.html'), 'utf8').replace(/<script type="module"[^>]*><\/script>/g, ''), '', MODULE) },
    { name: 'fast', html: enhance(FAST, '', MODULE) },
  ];
  for (const name of names) {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const related = (expected.related ?? []).join(', ');
    pages.push({ name, html: enhance(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'), related, MODULE) });
  }
  let cards = 0;
  for (const { name, html } of pages) {
    const path = `/pages/${name}.html`;
    routes.set(path, { headers: { 'content-type': HTML }, body: html });
    const url = `http://${HOST}${path}`;
    const own = await client(url, html);
    const served = (await ask(path)).body.toString('utf8');
    if (own.error) {
      assert.equal(served, html, `${name}: a page the widget refuses passes as it was`);
      continue;
    }
    assert.match(served, /<story-card[^>]*data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open">/, `${name}: the card is written`);
    assert.deepEqual(await written(url, served), own.tree, `${name}: the tree as written`);
    assert.deepEqual((await client(url, served)).tree, own.tree, `${name}: the tree once the module took it over`);
    cards += 1;
  }
  console.log(`# ${cards} of ${pages.length} pages got the card from the worker, each the tree the browser renders`);
  assert.ok(cards >= 30, `${cards} written`);
});

test('a 5 MB page streams through: the card and the first bytes out before the origin sends its end', async () => {
  const filler = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(16)}</p>\n`;
  const [head] = FAST.split('</main>');
  const first = `${head}\n${filler.repeat(64)}`;
  const rest = filler.repeat(Math.ceil((5 << 20) / filler.length));
  const tail = '</main></body></html>\n';
  let release;
  const released = new Promise((done) => (release = done));
  let finished = false;
  routes.set('/long.html', async (req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    res.write(first);
    // (the rest only once the reader has the card, or after 20 s: the test then fails)
    await Promise.race([released, new Promise((done) => setTimeout(done, 20_000))]);
    for (let i = 0; i < rest.length; i += 1 << 16) res.write(rest.slice(i, i + (1 << 16)));
    finished = true;
    res.end(tail);
  });
  let beforeEnd = 0;
  let cardBeforeEnd = false;
  const res = await ask('/long.html', {
    onData(seen, chunks) {
      if (finished) return;
      beforeEnd = seen;
      if (!cardBeforeEnd && Buffer.concat(chunks).includes('</story-card>')) {
        cardBeforeEnd = true;
        release();
      }
    },
  });
  assert.ok(cardBeforeEnd, 'the card reached the reader before the origin sent its end');
  assert.ok(beforeEnd > head.length, `${beforeEnd} bytes out before the origin's end`);
  const body = res.body.toString('utf8');
  assert.ok(body.length > 5 << 20);
  assert.ok(body.endsWith(rest + tail), 'the rest byte for byte');
});

test('a page whose data comes after its element: the bytes before it stream, the card is written once the data is there', async () => {
  // The demo's shape: the element first, its island after it.
  const body = `<story-card source="#later"></story-card>\n<script type="application/json" id="later">${seedIsland}</script>`;
  const [head, tail] = shell(body).split('<story-card source="#later"></story-card>');
  let release;
  const released = new Promise((done) => (release = done));
  routes.set('/later.html', async (req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    res.write(head);
    res.write('<story-card source="#later"></story-card>');
    await Promise.race([released, new Promise((done) => setTimeout(done, 20_000))]);
    res.end(tail);
  });
  let early = '';
  const res = await ask('/later.html', {
    onData(seen, chunks) {
      if (!early) {
        early = Buffer.concat(chunks).toString('utf8');
        release();
      }
    },
  });
  assert.equal(early, head, 'the bytes before the element, before the origin sent the rest');
  const html = res.body.toString('utf8');
  assert.ok(html.startsWith(head) && html.endsWith(tail), 'the page around the card byte for byte');
  assert.match(html.slice(head.length), /^<script type="application\/json" id="storycard-edge-data">[\s\S]*<story-card source="#storycard-edge-data" lang="en" data-storycard-view=/);

  // The island early, the page long after it: the card is out as soon as the island has ended.
  let go;
  const gone = new Promise((done) => (go = done));
  const more = `<p>${'More of the article. '.repeat(50)}</p>\n`.repeat(200);
  routes.set('/later-early.html', async (req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    res.write(`${head}<story-card source="#later"></story-card>\n<script type="application/json" id="later">${seedIsland}</script>`);
    await Promise.race([gone, new Promise((done) => setTimeout(done, 20_000))]);
    res.end(`${more}${tail}`);
  });
  let cardEarly = false;
  const early2 = await ask('/later-early.html', {
    onData(seen, chunks) {
      if (!cardEarly && Buffer.concat(chunks).includes('</story-card>')) {
        cardEarly = true;
        go();
      }
    },
  });
  assert.ok(cardEarly, 'the card out before the origin sent the rest of the page');
  assert.ok(early2.body.toString('utf8').endsWith(`${more}${tail}`));

  // Too long to hold: the element passes as it was, and the page goes on streaming.
  const long = `<p>${'x'.repeat(1 << 16)}</p>\n`.repeat(40);
  routes.set('/later-long.html', { headers: { 'content-type': HTML }, body: `${head}<story-card source="#later"></story-card>${long}${tail}` });
  const kept = await ask('/later-long.html');
  assert.equal(kept.body.toString('utf8'), `${head}<story-card source="#later"></story-card>${long}${tail}`);
});

test('the configured place: a page without the element gets the card before it', async () => {
  const configured = await startEdge({
    origin: `http://127.0.0.1:${origin.address().port}`,
    port: 0,
    options: { at: 'footer', related: '.more' },
    quiet: true,
  });
  try {
    const page = shell(`<article><h1>Harbour ferry returns after a decade</h1><p>The ferry sails again from Monday, the council said.</p></article>
<ul class="more"><li><a href="/a/pier.html">Pier plans go on show at the town hall</a></li><li><a href="/a/pier.html?utm_source=x">Pier plans go on show at the town hall</a></li>
<li><a href="/a/lifeboat.html">Lifeboat crew rescues two kayakers off the point</a></li></ul><footer>Footer</footer>`, 'Harbour ferry returns after a decade');
    routes.set('/configured.html', { headers: { 'content-type': HTML }, body: page });
    const url = new URL(configured.url);
    const res = await new Promise((done, fail) => {
      httpRequest({ host: url.hostname, port: url.port, path: '/configured.html', headers: { host: HOST } }, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      })
        .on('error', fail)
        .end();
    });
    const [before, after] = page.split('<footer>');
    assert.ok(res.startsWith(before) && res.endsWith(`<footer>${after}`), 'the page around the card byte for byte');
    const card = res.slice(before.length, res.length - after.length - '<footer>'.length);
    const island = JSON.parse(card.match(/id="storycard-edge-data">([\s\S]*?)<\/script>/)[1]);
    assert.deepEqual(island.related.map((r) => r.headline), ['Pier plans go on show at the town hall', 'Lifeboat crew rescues two kayakers off the point']);
    assert.equal(island.article.headline, 'Harbour ferry returns after a decade');
  } finally {
    await configured.stop();
  }
});

test('a page the origin compresses: the worker reads it decompressed and answers it compressed', async () => {
  routes.set('/gzip.html', (req, res) => {
    res.writeHead(200, { 'content-type': HTML, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    res.end(gzipSync(FAST));
  });
  const res = await ask('/gzip.html', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(res.headers.vary, 'Accept-Encoding');
  const html = gunzipSync(res.body).toString('utf8');
  assert.match(html, /<story-card source="#storycard-edge-data" lang="en" data-storycard-view="[0-9a-f]{16}">/);
  assert.ok(html.endsWith(FAST.split('<story-card source="#article-data"></story-card>')[1]));
});

test('npm run edge: scripts/edge.mjs serves the worker in front of --origin and says where', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/edge.mjs'), '--origin', `http://127.0.0.1:${origin.address().port}`, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise((done, fail) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) done(out.split('\n')[0]);
      });
      child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    assert.equal(line, `storycard edge: http://127.0.0.1:${port}`);
    const html = await (await fetch(`http://127.0.0.1:${port}/fast.html`)).text();
    assert.match(html, /data-storycard-view="[0-9a-f]{16}"/);
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
});

test("an island's relative addresses: against the page's <base href>, itself against the page's address", async () => {
  // The same story twice, once by a relative address: one story, as the browser's element finds.
  const island = JSON.stringify({
    article: { headline: 'Harbour ferry returns after a decade' },
    related: [
      { headline: 'Pier plans go on show at the town hall', url: 'pier.html' },
      { headline: 'Council budget vote delayed until spring', url: `http://${HOST}/world/pier.html` },
      { headline: 'Lifeboat crew rescues two kayakers off the point', url: 'lifeboat.html' },
    ],
  });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="/world/"><title>Base</title></head>
<body><script type="application/json" id="d">${island}</script><story-card source="#d"></story-card></body></html>`;
  routes.set('/base.html', { headers: { 'content-type': HTML }, body: page });
  const html = (await ask('/base.html')).body.toString('utf8');
  const card = JSON.parse(html.match(/id="storycard-edge-data">([\s\S]*?)<\/script>/)[1]);
  assert.deepEqual(card.related.map((r) => r.headline), ['Pier plans go on show at the town hall', 'Lifeboat crew rescues two kayakers off the point']);
});

// Server-side rendering (`storycard render`) in Chromium: the element the command prints, put in a
// page, shows the full card before any script runs and with JavaScript off; the element module
// then takes it over without making or removing a node; and for the seed and every fixture page
// the tree the browser builds from the server's HTML equals the one the widget renders itself.
// The browser runs in UTC, the zone the command writes dates in.
process.env.TZ = 'UTC';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'storycard/server';
import { ROOT, TREE, browserForFile, enhance } from './browser.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/pages');
const MODULE = '/__storycard/';
const TYPES = { js: 'text/javascript', wasm: 'application/wasm' };

const env = browserForFile({ timezoneId: 'UTC' });
let cli;
let seed;
before(() => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'storycard'], { cwd: ROOT, stdio: 'inherit' });
  cli = join(ROOT, 'target/debug/storycard');
  const index = readFileSync(join(ROOT, 'index.html'), 'utf8');
  seed = join(ROOT, 'test-results', 'seed-data.json');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(seed, index.match(/<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/)[1]);
});

/** What `storycard render ARGS` prints: the element's HTML, or the error; and its warnings. */
function render(...args) {
  const run = spawnSync(cli, ['render', ...args], { encoding: 'utf8' });
  const said = run.stderr.trim().split('\n').filter(Boolean).map((line) => line.replace(/^storycard: /, ''));
  return run.status === 0 ? { html: run.stdout, warnings: said } : { error: said.join('\n') };
}

/** What `storycard extract ARGS` prints: the ready event's detail. */
function extract(...args) {
  const run = spawnSync(cli, ['extract', ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** A page around server-rendered HTML, with the element module only when `module` is set. */
const page = (body, { lang = 'en', module = false } = {}) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Server-rendered</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/www/demo.css"></head>
<body><main class="page">${body}</main>${module ? `<script type="module" src="${MODULE}storycard.js"></script>` : ''}</body></html>`;

/** Serves `html` at `url` in a new page of `context` (the module from pkg/, nothing else leaves). */
async function serveAt(context, url, html) {
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.route('**/*', async (route) => {
    const request = new URL(route.request().url());
    if (route.request().url() === url) {
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    } else if (request.pathname.startsWith(MODULE)) {
      const name = request.pathname.slice(MODULE.length);
      await route.fulfill({ contentType: TYPES[name.split('.').pop()], body: readFileSync(join(ROOT, 'pkg', name)) });
    } else if (route.request().url().startsWith(env.url)) {
      await route.continue(); // the demo's stylesheet and pictures
    } else {
      await route.fulfill({ status: 204 });
    }
  });
  return { tab, problems };
}

test('the seed renders on the server, shows without JavaScript, and hydrates without a new node', async () => {
  // (served by the test's server, where the seed's pictures are)
  const url = `${env.url}ssr.html`;
  const out = render('--data', seed, '--url', url);
  assert.ok(out.html, out.error);
  assert.match(out.html, /^<script type="application\/json" id="storycard-data">/);
  assert.match(out.html, /<story-card source="#storycard-data" lang="en" data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open"><style>/);

  // JavaScript off: the card and the carousel are there, every link works, no control shows.
  const { tab: still } = await serveAt(env.context, url, page(out.html, { module: true }));
  const cdp = await env.context.newCDPSession(still);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await still.goto(url);
  await still.waitForTimeout(300);
  assert.equal(await still.evaluate(() => customElements.get('story-card')), undefined, 'the module did not run');
  const headline = still.locator('story-card [part~="headline"]');
  assert.equal(await headline.innerText(), 'US abandons conflict resolution, resumes aid to Ukraine');
  assert.equal(await still.locator('story-card [part~="slide"]').count(), 8);
  const hrefs = await still.locator('story-card [part~="slide-title"] a').evaluateAll((links) => links.map((a) => a.href));
  assert.equal(hrefs.length, 7, 'each story with an address is a link (one has none)');
  assert.ok(hrefs.every((h) => h.startsWith('https://')), hrefs.join(' '));
  assert.equal(await still.locator('story-card [part~="more"]').isVisible(), false, '"Read more" needs script: hidden');
  assert.equal(await still.locator('story-card #controls').isVisible(), false, 'the buttons need script: hidden');
  const overflow = await still.locator('story-card #track').evaluate((t) => getComputedStyle(t).overflowX);
  assert.match(overflow, /auto|scroll/, 'the carousel scrolls natively');
  await still.setViewportSize({ width: 1000, height: 1100 });
  await still.waitForFunction(() => [...document.querySelector('story-card').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
  // (the README's picture: docs/ssr-no-js.png is a copy of it)
  await still.screenshot({ path: join(ROOT, 'test-results', 'ssr-no-js.png'), fullPage: true });
  await still.close();

  // The element module takes the card over: the same nodes, no child added or removed, no shift,
  // and (the view's fingerprint being the server's) no node read back.
  const { tab, problems, result } = await hydrate(url, page(out.html));
  assert.equal(result.same, true, `the ${result.nodes} nodes are the same ones: ${JSON.stringify(result)}`);
  assert.deepEqual(result.changes, [], 'no child added or removed');
  assert.ok(result.dots >= 2, `${result.dots} dots shown in the pager`);
  assert.equal(result.shift, 0, 'no layout shift');
  assert.equal(result.related, 8, 'storycard:ready as usual');
  assert.equal(result.more, true, '"Read more" shows once it works');
  assert.equal(result.ready, true);
  assert.equal(result.reads, 0, 'the markup taken over without reading its attributes back');
  // The behaviour is there: "Read more" opens the text; "next" scrolls.
  await tab.locator('story-card [part~="more"]').click();
  assert.equal(await tab.locator('story-card [part~="body"]').isVisible(), true);
  await tab.locator('story-card [part~="next"]').click();
  await tab.waitForFunction(() => document.querySelector('story-card').shadowRoot.getElementById('track').scrollLeft > 0);
  assert.deepEqual(problems, []);
  await tab.close();
});

/**
 * Serves `html` at `url` and has the element module take its card over: whether the shadow
 * root's nodes are the same ones after it, the child-list changes, the layout shift, the ready
 * event, and how many times the take-over read an element's attribute names.
 */
async function hydrate(url, html) {
  const { tab, problems } = await serveAt(env.context, url, html);
  await tab.goto(url);
  await tab.locator('story-card [part~="slide"]').first().waitFor();
  const result = await tab.evaluate(async (module) => {
    const root = document.querySelector('story-card').shadowRoot;
    const all = (r) => {
      const nodes = [];
      const walk = document.createTreeWalker(r, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) nodes.push(walk.currentNode);
      return nodes;
    };
    const before = all(root);
    const changes = [];
    new MutationObserver((records) => {
      for (const r of records) {
        changes.push({ target: r.target.id || r.target.nodeName, added: r.addedNodes.length, removed: r.removedNodes.length });
      }
    }).observe(root, { childList: true, subtree: true });
    let shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    let reads = 0;
    const names = Element.prototype.getAttributeNames;
    Element.prototype.getAttributeNames = function getAttributeNames() {
      reads += 1;
      return names.call(this);
    };
    const ready = new Promise((done) => document.addEventListener('storycard:ready', (e) => done(e.detail), { once: true }));
    await import(`${module}storycard.js`);
    const detail = await ready;
    Element.prototype.getAttributeNames = names;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const after = all(root);
    return {
      same: before.length === after.length && before.every((n, i) => n === after[i]),
      nodes: before.length,
      changes,
      reads,
      dots: root.querySelectorAll('#pager button:not([hidden])').length,
      shift,
      related: detail.related.length,
      more: !root.getElementById('more').hidden,
      controls: !root.getElementById('controls').hidden,
      ready: document.querySelector('story-card').matches(':state(ready)'),
    };
  }, MODULE);
  return { tab, problems, result };
}

test('markup whose fingerprint is not the view\'s is checked node by node, and taken over the same', async () => {
  const url = `${env.url}ssr-other.html`;
  const out = render('--data', seed, '--url', url);
  const html = out.html.replace(/data-storycard-view="[0-9a-f]{16}"/, 'data-storycard-view="0000000000000000"');
  assert.notEqual(html, out.html);
  const { tab, problems, result } = await hydrate(url, page(html));
  assert.ok(result.reads >= result.nodes / 4, `the attributes of each element read back: ${result.reads} reads, ${result.nodes} nodes`);
  assert.equal(result.same, true, 'the same nodes');
  assert.deepEqual(result.changes, [], 'no child added or removed');
  assert.equal(result.related, 8);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a server-rendered card works before the widget\'s module has loaded, and keeps its nodes and state after', async () => {
  const url = `${env.url}ssr-early.html`;
  const out = render('--data', seed, '--url', url);
  const { tab, problems } = await serveAt(env.context, url, page(out.html, { module: true }));
  // (the widget's module is held until the card has been used)
  let release;
  const held = new Promise((done) => {
    release = done;
  });
  await tab.route(`**${MODULE}storycard_wasm_bg.wasm`, async (route) => {
    await held;
    await route.fulfill({ contentType: TYPES.wasm, body: readFileSync(join(ROOT, 'pkg/storycard_wasm_bg.wasm')) });
  });
  await tab.goto(url);
  const root = 'document.querySelector("story-card").shadowRoot';
  await tab.waitForFunction(`!${root}.getElementById('more').hidden`);
  await tab.evaluate(`window.__more = ${root}.getElementById('more')`);
  await tab.locator('story-card [part~="more"]').click();
  assert.equal(await tab.locator('story-card [part~="body"]').isVisible(), true, '"Read more" opens the text');
  await tab.locator('story-card [part~="next"]').click();
  await tab.waitForFunction(`${root}.getElementById('track').scrollLeft > 0`);
  assert.equal(await tab.evaluate(() => document.querySelector('story-card').matches(':state(ready)')), false, 'before the widget is ready');
  release();
  await tab.waitForFunction(() => document.querySelector('story-card').matches(':state(ready)'));
  assert.equal(await tab.evaluate(`window.__more === ${root}.getElementById('more')`), true, 'the same nodes');
  assert.equal(await tab.locator('story-card [part~="body"]').isVisible(), true, 'the text still open');
  // One behaviour, the widget's: a press closes the text once.
  await tab.locator('story-card [part~="more"]').click();
  assert.equal(await tab.locator('story-card [part~="body"]').isVisible(), false, '"Show less" closes it');
  assert.equal(await tab.locator('story-card [part~="more"]').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await tab.close();
});

/** The client's own render of a page: the tree at `storycard:ready`, before any behaviour. */
async function client(url, html) {
  const { tab, problems } = await serveAt(env.context, url, html);
  await tab.addInitScript((tree) => {
    const serialize = new Function(`return ${tree}`)();
    document.addEventListener('storycard:ready', (e) => {
      window.__tree = serialize(e.target.shadowRoot);
      window.__detail = { related: e.detail.related.map((r) => r.headline), warnings: e.detail.warnings.map((w) => `${w.path}: ${w.message}`) };
    });
    document.addEventListener('storycard:error', (e) => {
      window.__error = e.detail.message;
    });
  }, TREE);
  await tab.goto(url);
  await tab.waitForFunction(() => window.__tree || window.__error);
  const got = await tab.evaluate(() => ({ tree: window.__tree, detail: window.__detail, error: window.__error }));
  await tab.close();
  assert.deepEqual(problems, []);
  return got;
}

/** The tree the browser builds from the server's HTML, with no script. */
async function server(url, html) {
  const { tab } = await serveAt(env.context, url, html);
  await tab.goto(url);
  const tree = await tab.evaluate((tree) => new Function(`return ${tree}`)()(document.querySelector('story-card').shadowRoot), TREE);
  await tab.close();
  return tree;
}

test('the seed: the server-rendered tree is the tree the browser renders', async () => {
  const url = 'https://news.example.com/world/seed.html';
  const island = readFileSync(seed, 'utf8');
  const own = await client(url, page(`<script type="application/json" id="article-data">${island}</script><story-card source="#article-data"></story-card>`, { module: true }));
  const rendered = await server(url, page(render('--data', seed, '--url', url).html));
  assert.deepEqual(rendered, own.tree);
});

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

test(`${names.length} fixture pages: the server-rendered tree is the tree the browser renders`, async () => {
  let compared = 0;
  for (const name of names) {
    const file = join(FIXTURES, `${name}.html`);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const url = expected.pageUrl ?? `https://fixtures.storycard.test/${name}.html`;
    const related = (expected.related ?? []).join(', ');
    const html = readFileSync(file, 'utf8');
    // The widget reading the page itself, as tests/e2e/pages.test.mjs serves it.
    const own = await client(url, enhance(html, related, MODULE));
    const out = render(file, '--url', url, ...(related ? ['--related', related] : []));
    if (own.error) {
      assert.equal(out.error, own.error, `${name}: both refuse the page`);
      continue;
    }
    assert.ok(out.html, `${name}: ${out.error}`);
    // The server's element in place of the page's own (a server prints the card where the
    // element goes).
    const served = html.includes('<story-card')
      ? html.replace(/<story-card[\s\S]*?<\/story-card>/, out.html)
      : html.includes('</body>')
        ? html.replace('</body>', `${out.html}</body>`)
        : html + out.html;
    assert.deepEqual(await server(url, served), own.tree, name);
    compared += 1;
  }
  console.log(`# ${compared} fixture pages rendered alike on the server and in the browser`);
  assert.ok(compared >= 30, `${compared} compared`);
});

test('the article demo page renders on the server and shows its card without JavaScript', async () => {
  const url = `${env.url}www/article-ssr.html`;
  const html = readFileSync(join(ROOT, 'www/article.html'), 'utf8');
  const out = render(join(ROOT, 'www/article.html'), '--url', url, '--related', '.related');
  assert.ok(out.html, out.error);
  // The server prints the card where the element was, and drops the list it replaced.
  const served = html
    .replace(/<story-card[\s\S]*?<\/story-card>/, out.html)
    .replace(/<section class="related related-footer">[\s\S]*?<\/section>/, '');
  const { tab } = await serveAt(env.context, url, served);
  const cdp = await env.context.newCDPSession(tab);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await tab.goto(url);
  assert.equal(await tab.evaluate(() => customElements.get('story-card')), undefined, 'the module did not run');
  const card = await tab.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    return {
      headline: root.querySelector('[part~="headline"]').textContent,
      slides: root.querySelectorAll('[part~="slide"]').length,
      links: [...root.querySelectorAll('[part~="slide-title"] a')].every((a) => a.href.startsWith('http')),
      h1: document.querySelector('h1').textContent.trim(),
    };
  });
  assert.equal(card.headline, card.h1);
  assert.ok(card.slides >= 3, `${card.slides} slides`);
  assert.ok(card.links);
  await tab.close();
});

// One pipeline: the same page through the element (in Chromium), the command line (which takes
// the options of the page's own <story-card>, as the browser does) and renderToString (given the
// same options as an object) gives the same stories, the same warnings and the same tree.
const island = () => readFileSync(seed, 'utf8');
const TWO_LISTS = `<article><h1>Harbour ferry returns after a decade</h1><p>The ferry sails again from Monday.</p></article>
<ul class="related-top"><li><a href="/a/pier-plans.html">Pier plans go on show at the town hall</a></li>
<li><a href="/a/lifeboat.html">Lifeboat crew rescues two kayakers off the point</a></li></ul>
<ul class="related-bottom"><li><a href="/a/market.html">Fish market to open on Sundays this summer</a></li>
<li><a href="/a/bridge.html">Old swing bridge closes for six weeks of repairs</a></li></ul>`;
const PIPELINE_CASES = [
  {
    name: 'the seed, options as attributes',
    body: () => `<script type="application/json" id="article-data">${island()}</script><story-card source="#article-data" max="3" lang="vi" label-read-more="Đọc tiếp" autoplay></story-card>`,
    options: { max: '3', lang: 'vi', labels: { readMore: 'Đọc tiếp' }, autoplay: true },
    related: 3,
  },
  {
    name: 'the seed, near duplicates kept',
    body: () => `<script type="application/json" id="article-data">${island()}</script><story-card source="#article-data" near-duplicates="off"></story-card>`,
    options: { nearDuplicates: 'off' },
  },
  {
    name: 'a max the widget cannot use',
    body: () => `<script type="application/json" id="article-data">${island()}</script><story-card source="#article-data" max="many"></story-card>`,
    options: { max: 'many' },
    warning: 'options.max: must be a whole number, found a string; 20 is used',
  },
  {
    name: 'a page without data whose element names two related lists',
    body: () => `${TWO_LISTS}<story-card related=".related-top, .related-bottom"></story-card>`,
    related: 4,
  },
];

for (const c of PIPELINE_CASES) {
  test(`one pipeline: ${c.name}: the element, the command line and renderToString agree`, async () => {
    const url = 'https://news.example.com/world/one-pipeline.html';
    const own = await client(url, page(c.body(), { module: true }));
    assert.ok(own.tree, own.error);
    const file = join(ROOT, 'test-results', 'one-pipeline.html');
    writeFileSync(file, page(c.body()));
    const out = render(file, '--url', url);
    assert.ok(out.html, out.error);
    assert.deepEqual(await server(url, page(out.html)), own.tree, "the command line's tree is the element's");
    assert.deepEqual(extract(file, '--url', url).related.map((r) => r.headline), own.detail.related, 'the same stories');
    if (c.related) assert.equal(own.detail.related.length, c.related);
    const warnings = own.detail.warnings.filter((w) => w.startsWith('options.'));
    assert.deepEqual(out.warnings.filter((w) => w.startsWith('options.')), warnings, 'the same warnings');
    assert.deepEqual(warnings, c.warning ? [c.warning] : []);
    if (c.options) {
      assert.equal(renderToString(JSON.parse(island()), { ...c.options, url }).trimEnd(), out.html.trimEnd(), 'renderToString writes what the command line writes');
    }
  });
}

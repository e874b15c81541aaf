// The playground (www/playground.html) in Chromium: pasting the demo's page (its data island),
// the article demo (no island, read from its markup) and the island's JSON alone each give the
// card, the read table with its sources and the removed table with every removal and its reason;
// a pasted page's script and event handler never run; the controls change the card; and the page
// is accessible (axe, light and dark, at a phone width), works by keyboard, fits a phone, and
// renders under the demo's strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, browserForFile, open, servePolicy } from './browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PATH = 'www/playground.html';
const env = browserForFile();

const index = readFileSync(join(ROOT, 'index.html'), 'utf8');
const article = readFileSync(join(ROOT, 'www/article.html'), 'utf8');
const islandJson = index.match(/<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/)[1];

/** The playground, loaded with its first input rendered. */
async function playground(options) {
  const { page, problems } = await open(env, PATH);
  // (offline: nothing is fetched from anywhere but this server)
  page.on('request', (r) => !r.url().startsWith(env.url) && !r.url().startsWith('data:') && problems.push(`a request elsewhere: ${r.url()}`));
  if (options?.viewport) await page.setViewportSize(options.viewport);
  await page.evaluate(() => window.__playground.ready);
  return { page, problems };
}

/** Pastes `text` (and `url`) as a reader would, and waits for the card that follows. */
async function paste(page, text, url = '') {
  await page.fill('#url', url);
  const before = await page.evaluate(() => window.__events.length);
  await page.fill('#page', text);
  await page.waitForFunction((n) => window.__events.length > n && document.querySelector('#status').textContent, before);
  // (the tables are filled once the event is in)
  await page.waitForFunction(() => document.querySelector('#read tbody tr'));
}

/** What the playground shows: the card's slides, the read table, the removed table, the warnings, the snippets. */
function shown(page) {
  return page.evaluate(() => {
    const rows = (id) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => [...tr.cells].map((c) => c.textContent.trim()));
    const root = document.querySelector('#card .card-host')?.shadowRoot;
    return {
      headline: root?.querySelector('[part~="headline"]')?.textContent.trim(),
      slides: [...(root?.querySelectorAll('[part~="slide-title"]') ?? [])].map((s) => s.textContent.trim()),
      readMore: root?.querySelector('[part~="more"]')?.textContent.trim(),
      theme: document.querySelector('#card .card-host')?.getAttribute('theme'),
      read: Object.fromEntries(rows('read').map(([field, value, from]) => [field, { value, from }])),
      removed: rows('removed'),
      reasons: [...document.querySelectorAll('#removed tbody tr')].map((tr) => tr.dataset.reason),
      warnings: [...document.querySelectorAll('#warnings li')].map((li) => li.textContent),
      lines: document.querySelector('#lines').textContent,
      island: document.querySelector('#island').textContent,
      ssr: document.querySelector('#ssr').textContent,
    };
  });
}

/** The read table gives each of these fields from `from`. */
function assertRead(read, fields, from) {
  for (const field of fields) {
    assert.ok(read[field], `a row for ${field}`);
    assert.notEqual(read[field].value, 'not found', `${field} was read`);
    assert.match(read[field].from, from, `${field} from ${read[field].from}`);
  }
}

test('the demo page (its data island) gives the card, what was read and every removal with its reason', async () => {
  const { page, problems } = await playground();
  // (the playground starts with the demo's page; pasting it again is the same input)
  await paste(page, index, `${env.url}index.html`);
  const s = await shown(page);
  assert.equal(s.headline, 'US abandons conflict resolution, resumes aid to Ukraine');
  assert.equal(s.slides.length, 8);
  assertRead(s.read, ['Headline', 'Byline', 'Date', 'Image', 'Description', 'Section', 'Language', 'Address'], /data island/);
  assert.equal(s.read.Byline.value, 'Bùi Đức');
  assert.deepEqual(s.reasons, ['same-url', 'same-url', 'same-headline']);
  for (const [entry, why, kept] of s.removed) {
    assert.ok(entry && why && kept && kept !== '—', `${entry} | ${why} | ${kept}`);
  }
  assert.match(s.removed[0][0], /https:\/\/news\.example\.com\/world\/ukraine-and-expectations/);
  assert.deepEqual(s.warnings, ['None.']);
  // The copy buttons put each snippet on the clipboard.
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  for (const id of ['lines', 'island', 'ssr']) {
    await page.click(`button[data-copy="${id}"]`);
    // (said for 1.5 s once the clipboard has it)
    await page.waitForFunction((id) => document.querySelector(`button[data-copy="${id}"]`).textContent === 'Copied', id);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s[id]);
  }
  assert.match(s.lines, /^<story-card source="#article-data"><\/story-card>\n<script type="module" src="[^"]+storycard\.js"><\/script>$/);
  const island = JSON.parse(s.island.replace(/^<script type="application\/json" id="article-data">/, '').replace(/<\/script>$/, ''));
  assert.equal(island.related.length, 8);
  assert.match(s.ssr, /^<script type="application\/json" id="article-data">/);
  assert.match(s.ssr, /<template shadowrootmode="open"/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the article demo (no data island) gives the card, each field with its source, and every removal', async () => {
  const { page, problems } = await playground();
  await page.click('#load-article');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Harbour ferry'));
  const s = await shown(page);
  assert.equal(s.headline, 'Harbour ferry returns after a decade as city approves new crossing');
  assert.equal(s.slides.length, 5);
  assertRead(s.read, ['Headline', 'Byline', 'Date', 'Description', 'Section', 'Language', 'Publisher', 'Address'], /^JSON-LD$/);
  assert.match(s.read.Image.from, /og:image/);
  assert.deepEqual(s.reasons, ['self', 'same-url', 'same-url']);
  assert.match(s.removed[0][1], /the article itself/);
  assert.equal(s.read.Address.value, 'https://harbourgazette.example/city/2025/04/02/harbour-ferry-returns');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the data island JSON alone gives the card and the same removals', async () => {
  const { page, problems } = await playground();
  await paste(page, islandJson, `${env.url}index.html`);
  const s = await shown(page);
  assert.equal(s.slides.length, 8);
  assertRead(s.read, ['Headline', 'Byline', 'Address'], /^the data$/);
  assert.deepEqual(s.reasons, ['same-url', 'same-url', 'same-headline']);
  // The same page chosen as a file, and dropped on the text area.
  const before = await page.evaluate(() => window.__events.length);
  await page.fill('#url', `${env.url}www/article.html`);
  await page.setInputFiles('#file', { name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(article) });
  await page.waitForFunction((n) => window.__events.length > n && document.querySelector('#status').textContent.includes('Harbour ferry'), before);
  assert.equal((await shown(page)).slides.length, 5);
  await page.fill('#url', `${env.url}index.html`);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'island.json', { type: 'application/json' }));
    document.querySelector('#page').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, islandJson);
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('US abandons'));
  assert.equal((await shown(page)).slides.length, 8);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a pasted page's script and event handler never run; its styles stay out of the playground", async () => {
  const { page } = await playground();
  const hostile = `<!doctype html><html><head><title>Ferry timetable changes from Monday</title>
    <style>body { display: none !important; } * { color: red !important; }</style>
    <script>window.__ran = 'script'; document.title = 'owned';</script></head>
    <body onload="window.__ran = 'onload'"><h1>Ferry timetable changes from Monday</h1>
    <img src="x" onerror="window.__ran = 'onerror'"><svg onload="window.__ran = 'svg'"></svg>
    <ul class="related"><li><a href="https://news.example/a" onclick="window.__ran = 'click'">Bridge closure extended for repairs</a></li></ul></body></html>`;
  await paste(page, hostile, 'https://news.example/ferry');
  await page.fill('#related', '.related');
  await page.waitForFunction(() => document.querySelector('#card .card-host')?.shadowRoot?.querySelector('[part~="slide"]'));
  await page.waitForTimeout(300);
  const s = await shown(page);
  assert.equal(s.headline, 'Ferry timetable changes from Monday');
  assert.deepEqual(s.slides, ['Bridge closure extended for repairs']);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing of the pasted page ran');
  assert.equal(await page.title(), 'storycard playground: paste a page, see what it reads');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'its styles do not apply here');
  await page.close();
});

test('the controls change the card', async () => {
  const { page } = await playground();
  const settle = async (change) => {
    const before = await page.evaluate(() => window.__events.length);
    await change();
    await page.waitForFunction((n) => window.__events.length > n, before);
    await page.waitForTimeout(100);
    return shown(page);
  };
  let s = await settle(() => page.fill('#max', '3'));
  assert.equal(s.slides.length, 3);
  assert.match(s.lines, / max="3"/);
  s = await settle(() => page.fill('#lang', 'de'));
  assert.equal(s.readMore, 'Weiterlesen');
  await page.click('.labels summary');
  s = await settle(() => page.fill('#label-readMore', 'Keep reading'));
  assert.equal(s.readMore, 'Keep reading');
  assert.match(s.lines, / label-read-more="Keep reading"/);
  s = await settle(() => page.selectOption('#theme', 'dark'));
  assert.equal(s.theme, 'dark');
  s = await settle(() => page.check('#autoplay'));
  assert.ok(await page.evaluate(() => document.querySelector('#card .card-host').shadowRoot.querySelector('[part~="rotate"]')), 'the rotation button');
  // A syndicated copy and a reworded one: near duplicates, with their scores, until the control
  // turns the test off.
  const data = JSON.stringify({
    article: { headline: 'Flood barriers go up along the river', url: 'https://news.example.com/city/floods.html' },
    related: [
      { headline: 'Council approves the budget for next year', url: 'https://news.example.com/city/budget.html' },
      { headline: 'Council approves the budget for next year', url: 'https://wire.example.net/2026/budget' },
      { headline: "City council approves next year's budget", url: 'https://wire.example.net/budget-approved' },
      { headline: 'Schools reopen after the summer break', url: 'https://news.example.com/city/schools.html' },
    ],
  });
  s = await settle(() => page.fill('#page', data));
  assert.deepEqual(s.reasons, ['same-headline', 'near-duplicate']);
  assert.match(s.removed[1][1], /^a near duplicate, score 0\.\d+$/);
  assert.deepEqual(s.slides, ['Council approves the budget for next year', 'Schools reopen after the summer break']);
  s = await settle(() => page.uncheck('#near'));
  assert.match(s.lines, / near-duplicates="off"/);
  assert.ok(!s.reasons.includes('near-duplicate'), `${s.reasons}`);
  assert.ok(s.slides.includes("City council approves next year's budget"));
  await page.close();
});

test('the playground is accessible: axe finds nothing (light, dark, phone), every control is reached by keyboard, nothing overflows a phone', async () => {
  for (const variant of [{ scheme: 'light' }, { scheme: 'dark' }, { scheme: 'light', viewport: { width: 390, height: 844 } }]) {
    const { page, problems } = await playground(variant);
    await page.emulateMedia({ colorScheme: variant.scheme });
    await page.addScriptTag({ content: AXE });
    const found = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
    assert.deepEqual(found, [], JSON.stringify(variant));
    if (variant.viewport) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  const { page } = await playground();
  const reached = new Set();
  await page.focus('#page');
  for (let i = 0; i < 60; i += 1) {
    reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.copy || document.activeElement.tagName));
    await page.keyboard.press('Tab');
  }
  for (const id of ['page', 'file', 'load-demo', 'load-article', 'url', 'lang', 'theme', 'max', 'related', 'near', 'autoplay', 'lines', 'island', 'ssr']) {
    assert.ok(reached.has(id), `${id} is reached by Tab (${[...reached]})`);
  }
  assert.ok(reached.has('ssr') && [...reached].filter((r) => ['lines', 'island', 'ssr'].includes(r)).length === 3);
  await page.close();
});

test("the playground renders under the demo's strict Content-Security-Policy, with Trusted Types", async () => {
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await servePolicy(env, page, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'");
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(env.url + PATH);
  await page.evaluate(() => window.__playground.ready);
  await page.click('#load-article');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Harbour ferry'));
  assert.equal(await page.evaluate(() => document.querySelector('#card .card-host').shadowRoot.querySelectorAll('[part~="slide"]').length), 5);
  assert.match(await page.locator('#ssr').textContent(), /shadowrootmode/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

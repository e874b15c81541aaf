// What the widget tells the page: `storycard:select` when a reader opens a related story
// (cancelable, for single-page apps), `storycard:impression` when a related slide has been half in
// view for a second (once per story per mount), and where the WebAssembly comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserForFile, open, ROOT } from './browser.mjs';

const env = browserForFile();

const slides = 'story-card [part~="slide"]';

test('opening a related story fires storycard:select, which a single-page app can cancel', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.locator(slides).first().waitFor();
  await page.evaluate(() => {
    window.__selects = [];
    window.__route = true;
    document.addEventListener('storycard:select', (e) => {
      window.__selects.push({ headline: e.detail.story.headline, url: e.detail.story.url, position: e.detail.position, cancelable: e.cancelable });
      if (window.__route) e.preventDefault();
    });
    // After the widget's own handling: whether it cancelled the click, and no navigation.
    window.addEventListener('click', (e) => {
      window.__prevented = e.defaultPrevented;
      e.preventDefault();
    });
  });
  const titles = await page.locator(`${slides} [part~="slide-title"]`).allInnerTexts();
  // The title's link covers its slide: a click anywhere on the slide opens it.
  await page.locator(slides).nth(1).click({ position: { x: 20, y: 20 } });
  let state = await page.evaluate(() => ({ selects: window.__selects, prevented: window.__prevented }));
  assert.equal(state.selects.length, 1);
  assert.deepEqual(
    { headline: state.selects[0].headline, position: state.selects[0].position, cancelable: state.selects[0].cancelable },
    { headline: titles[1], position: 1, cancelable: true },
  );
  assert.match(state.selects[0].url, /^https:\/\//);
  assert.equal(state.prevented, true, 'the app routed: the link was not followed');
  // Not cancelled: the link is followed.
  await page.evaluate(() => {
    window.__route = false;
  });
  await page.locator(slides).nth(3).locator('[part~="slide-title"] a').click();
  state = await page.evaluate(() => ({ selects: window.__selects, prevented: window.__prevented }));
  assert.equal(state.selects[1].position, 3);
  assert.equal(state.prevented, false);
  // A click that opens a new tab is told, and cannot be cancelled.
  await page.locator(slides).nth(0).locator('[part~="slide-title"] a').click({ modifiers: ['Control'] });
  state = await page.evaluate(() => ({ selects: window.__selects }));
  assert.deepEqual([state.selects[2].position, state.selects[2].cancelable], [0, false]);
  // An author's link in a slide is not the story.
  const authors = await page.locator(`${slides} [part~="slide-byline"] a`).count();
  if (authors) await page.locator(`${slides} [part~="slide-byline"] a`).first().click();
  assert.equal((await page.evaluate(() => window.__selects.length)), 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a related slide half in view for a second fires storycard:impression, once per story', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.addInitScript(() => {
    window.__impressions = [];
    document.addEventListener('storycard:impression', (e) => window.__impressions.push(e.detail.position));
  });
  await page.reload();
  await page.locator(slides).first().waitFor();
  const inView = await page.evaluate(() => {
    const track = document.querySelector('story-card').shadowRoot.getElementById('track').getBoundingClientRect();
    return [...document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide"]')]
      .map((s, i) => [i, s.getBoundingClientRect()])
      .filter(([, r]) => r.right <= track.right + 1 && r.bottom <= innerHeight)
      .map(([i]) => i);
  });
  assert.ok(inView.length >= 2 && inView.length < 8, `slides in view: ${inView}`);
  await page.waitForTimeout(400);
  assert.deepEqual(await page.evaluate(() => window.__impressions), [], 'not before a second');
  await page.waitForTimeout(1000);
  assert.deepEqual((await page.evaluate(() => window.__impressions)).sort(), inView);
  // Scrolled to the end, the rest; scrolled back, nothing again.
  await page.evaluate(() => {
    const track = document.querySelector('story-card').shadowRoot.getElementById('track');
    track.scrollTo({ left: track.scrollWidth, behavior: 'instant' });
  });
  await page.waitForTimeout(1400);
  await page.evaluate(() => {
    document.querySelector('story-card').shadowRoot.getElementById('track').scrollTo({ left: 0, behavior: 'instant' });
  });
  await page.waitForTimeout(1400);
  const all = await page.evaluate(() => window.__impressions);
  assert.deepEqual([...all].sort(), [0, 1, 2, 3, 4, 5, 6, 7], 'each story once');
  // A slide that passes through the view in less than a second is not seen.
  await page.evaluate(async () => {
    window.__passing = [];
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    document.body.prepend(host);
    host.addEventListener('storycard:impression', (e) => window.__passing.push(e.detail.story.headline));
    const related = Array.from({ length: 12 }, (_, i) => ({ headline: `Passing ${i}`, url: `https://news.example/passing/${i}` }));
    const handle = await mount(host, { data: { article: { headline: 'Passing through' }, related }, max: 12 });
    const track = host.shadowRoot.getElementById('track');
    track.scrollTo({ left: track.scrollWidth / 2, behavior: 'instant' });
    await new Promise((done) => setTimeout(done, 500));
    track.scrollTo({ left: track.scrollWidth, behavior: 'instant' });
    await new Promise((done) => setTimeout(done, 1300));
    handle.destroy();
  });
  const passing = await page.evaluate(() => window.__passing);
  assert.ok(passing.length >= 1 && passing.every((h) => ['Passing 8', 'Passing 9', 'Passing 10', 'Passing 11'].includes(h)), passing.join());
  assert.deepEqual(problems, []);
  await page.close();
});

test('the WebAssembly loads from an explicit wasmUrl', async () => {
  const page = await env.context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.route('**/cdn/core.wasm', (route) =>
    route.fulfill({ path: join(ROOT, 'pkg/storycard_wasm_bg.wasm'), contentType: 'application/wasm' }),
  );
  // A page of the server without any widget: nothing is loaded before mount().
  await page.goto(`${env.url}schema/storycard.schema.json`);
  const headline = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    document.body.append(host);
    await mount(host, { data: { article: { headline: 'From a CDN' } }, wasmUrl: '/cdn/core.wasm' });
    return host.shadowRoot.querySelector('[part~="headline"]').textContent;
  });
  assert.equal(headline, 'From a CDN');
  assert.ok(fetched.includes('/cdn/core.wasm'), fetched.join(' '));
  assert.ok(!fetched.some((p) => p.endsWith('_bg.wasm')), fetched.join(' '));
  await page.close();
});

test("one widget's failure touches neither another widget nor the page", async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  const result = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const events = [];
    const widget = (id, setup) => {
      const host = document.createElement(id === 'broken-element' ? 'story-card' : 'div');
      host.id = id;
      host.addEventListener('storycard:ready', () => events.push(`${id}: ready`));
      host.addEventListener('storycard:error', () => events.push(`${id}: error`));
      setup?.(host);
      document.body.append(host);
      return host;
    };
    const island = document.createElement('script');
    island.type = 'application/json';
    island.id = 'broken-data';
    island.textContent = '{ "article": { "headline": "Unclosed" ';
    document.body.append(island);
    widget('broken-element', (host) => host.setAttribute('source', '#broken-data'));
    const failed = await mount(widget('broken-mount'), { data: { article: { headline: '' } } }).then(() => 'resolved');
    const good = await mount(widget('good'), { data: { article: { headline: 'Still here' } } }).then(() => 'resolved');
    await new Promise((done) => setTimeout(done, 200));
    const headline = (id) => document.getElementById(id).shadowRoot?.querySelector('[part~="headline"]')?.textContent ?? null;
    const notice = (id) => document.getElementById(id).shadowRoot?.querySelector('[part~="error"]') !== null;
    return { events: events.sort(), failed, good, headlines: [headline('good'), headline('broken-mount')], notices: [notice('broken-element'), notice('broken-mount')] };
  });
  assert.deepEqual(result.events, ['broken-element: error', 'broken-mount: error', 'good: ready']);
  assert.deepEqual([result.failed, result.good], ['resolved', 'resolved'], 'bad data is an event, not an exception');
  assert.deepEqual(result.headlines, ['Still here', null]);
  assert.deepEqual(result.notices, [true, true]);
  // The demo's own widget is untouched.
  assert.deepEqual(await page.locator('story-card[source="#article-data"] [part~="slide"]').count(), 8);
  assert.ok(problems.every((p) => p.startsWith('console.error: storycard:')), problems.join('\n'));
  await page.close();
});

// The demo page as a reader gets it: served locally, rendered by <story-card> in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, browserForFile, open } from './browser.mjs';
import { SCREENS, shoot } from './screens.mjs';

const env = browserForFile();

const slides = 'story-card [part~="slide"]';

test('the demo shows the seed card and eight related stories, each once', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  assert.equal(
    await page.locator('story-card [part~="headline"]').innerText(),
    'US abandons conflict resolution, resumes aid to Ukraine',
  );
  assert.equal(await page.locator(slides).count(), 8);
  const titles = await page.locator('story-card [part~="slide-title"]').allInnerTexts();
  assert.equal(new Set(titles).size, 8, 'no story twice');
  for (let i = 0; i < 3; i += 1) {
    const slide = page.locator(slides).nth(i);
    assert.match(await slide.innerText(), /Ukrain|Russia/);
    assert.ok((await slide.locator('[part~="slide-byline"]').innerText()).length > 0, `slide ${i + 1} has an author`);
  }
  assert.deepEqual(
    await page.locator('story-card [part~="slide-byline"]').allInnerTexts(),
    ['Khánh Minh', 'Song Minh', 'Anh Vũ'.normalize('NFD')],
  );
  assert.match(await page.locator('story-card [part~="reading-time"]').innerText(), /^\d+ min read$/);
  const events = await page.evaluate(() => window.__events);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'storycard:ready');
  assert.equal(events[0].detail.related.length, 8);
  assert.deepEqual(events[0].detail.removed.map((r) => r.reason), ['same-url', 'same-url', 'same-headline']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo fetches two files of the package: the element module, with its bindings, and the core module', async () => {
  const page = await env.context.newPage();
  const fetched = new Set();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/pkg/')) fetched.add(path);
  });
  await page.goto(env.url);
  await page.locator(slides).first().waitFor();
  assert.deepEqual([...fetched].sort(), ['/pkg/storycard.js', '/pkg/storycard_wasm_bg.wasm']);
  await page.close();
});

test('pictures of the demo: desktop and phone, light and dark, right to left', async () => {
  for (const screen of SCREENS) {
    const { path, seen } = await shoot(env, screen, join(ROOT, 'test-results', 'screens'));
    assert.deepEqual(seen.size, [screen.width, screen.height], `${path}: the viewport`);
    assert.equal(seen.headline, 'US abandons conflict resolution, resumes aid to Ukraine', path);
    assert.ok(seen.headlineInView, `${path}: the headline is in the picture`);
    assert.equal(seen.textLuminance > 0.5, screen.scheme === 'dark', `${path}: ${screen.scheme} text (${seen.textLuminance.toFixed(2)})`);
    assert.equal(seen.firstSlideAtRight, !!screen.rtl, `${path}: the carousel's direction`);
    if (screen.width < 600) assert.equal(seen.slidesInView, 1, `${path}: one slide and the next one's edge`);
    else assert.ok(seen.slidesInView >= 3, `${path}: ${seen.slidesInView} slides in view`);
  }
});

test('"next" scrolls the carousel and the buttons follow its ends', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  const prev = page.locator('story-card [part~="prev"]');
  const next = page.locator('story-card [part~="next"]');
  assert.equal(await prev.getAttribute('aria-disabled'), 'true');
  assert.equal(await next.getAttribute('aria-disabled'), 'false');
  const track = page.locator('story-card #track');
  await next.click();
  await page.waitForFunction(
    () => document.querySelector('story-card').shadowRoot.querySelector('[part~="prev"]').getAttribute('aria-disabled') === 'false',
  );
  assert.ok((await track.evaluate((t) => t.scrollLeft)) > 0, 'the track scrolled');
  // Activating a button does not move focus away from it.
  assert.equal(await page.evaluate(() => document.querySelector('story-card').shadowRoot.activeElement?.getAttribute('part')), 'next');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Tab reaches the carousel controls and each slide link in reading order', async () => {
  const { page } = await open(env);
  await page.locator(slides).first().waitFor();
  await page.locator('story-card [part~="more"]').focus();
  const focused = () =>
    page.evaluate(() => {
      const el = document.querySelector('story-card').shadowRoot.activeElement;
      return el && (el.getAttribute('part') ?? el.closest('[part~="slide"]')?.getAttribute('aria-label'));
    });
  const order = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order, ['prev', 'next', '1 of 8', '2 of 8']);
  const visible = await page.evaluate(() => {
    const el = document.querySelector('story-card').shadowRoot.activeElement;
    return getComputedStyle(el).outlineStyle !== 'none' && el.matches(':focus-visible');
  });
  assert.ok(visible, 'the focused link shows a focus ring');
  await page.close();
});

test('"Read more" opens the full text', async () => {
  const { page } = await open(env);
  const more = page.locator('story-card [part~="more"]');
  await more.waitFor();
  const body = page.locator('story-card [part~="body"]');
  assert.equal(await body.isVisible(), false);
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.equal(await more.innerText(), 'Show less');
  assert.equal(await body.isVisible(), true);
  assert.match(await body.innerText(), /J\.D\. Vance/);
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await more.innerText(), 'Read more');
  assert.equal(await body.isVisible(), false);
  await page.close();
});

test('the module defines the element once and mount() renders, updates and destroys', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  const result = await page.evaluate(async () => {
    const again = await import('/pkg/storycard.js?second-copy');
    const host = document.createElement('div');
    document.body.append(host);
    const data = JSON.parse(document.getElementById('article-data').textContent);
    // The demo's <story-card> shows every story already: a second widget shows none of them,
    // unless it opts out of showing each story once per page.
    const shared = document.createElement('div');
    document.body.append(shared);
    const second = await again.mount(shared, { data });
    const elsewhere = await new Promise((done) => {
      shared.addEventListener('storycard:ready', (e) => done(e.detail.removed.filter((r) => r.reason === 'shown-elsewhere').length), { once: true });
      void second.update(data);
    });
    const sharedSlides = shared.shadowRoot.querySelectorAll('[part~="slide"]').length;
    second.destroy();
    const handle = await again.mount(host, { data, max: 3, pageDedupe: false });
    const slides = host.shadowRoot.querySelectorAll('[part~="slide"]').length;
    await handle.update({ article: { headline: "Updated" } });
    const headline = host.shadowRoot.querySelector('[part~="headline"]').textContent;
    handle.destroy();
    return {
      defined: customElements.get('story-card') !== undefined,
      sharedSlides,
      elsewhere,
      slides,
      headline,
      left: host.shadowRoot.childNodes.length,
    };
  });
  assert.deepEqual(result, { defined: true, sharedSlides: 0, elsewhere: 8, slides: 3, headline: 'Updated', left: 0 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('destroy() leaves no listener on the shadow root', async () => {
  const { page } = await open(env);
  await page.locator(slides).first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__host.shadowRoot' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    window.__host = document.createElement('div');
    document.body.append(window.__host);
    const data = JSON.parse(document.getElementById('article-data').textContent);
    window.__handle = await mount(window.__host, { data, pageDedupe: false });
  });
  // The toggle and buttons, opening a story (click and middle click), the keys, the track's scroll.
  assert.deepEqual(await listeners(), ['auxclick', 'click', 'click', 'keydown', 'scroll']);
  await page.evaluate(() => window.__handle.destroy());
  assert.deepEqual(await listeners(), []);
  assert.equal(await page.evaluate(() => window.__host.shadowRoot.childNodes.length), 0);
  await page.close();
});

test('attributes are live, and removing and re-inserting the element renders again', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  const count = () => page.evaluate(() => document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide"]').length);
  await page.evaluate(() => document.querySelector('story-card').setAttribute('max', '2'));
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide"]').length === 2);
  await page.evaluate(() => document.querySelector('story-card').setAttribute('lang', 'vi'));
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.querySelector('[part~="more"]')?.textContent === 'Đọc tiếp');
  const removed = await page.evaluate(() => {
    const el = document.querySelector('story-card');
    el.remove();
    const left = el.shadowRoot.childNodes.length;
    document.querySelector('main').prepend(el);
    return left;
  });
  assert.equal(removed, 0, 'a removed element leaves nothing in its shadow root');
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide"]').length === 2);
  assert.equal(await count(), 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the debug attribute prints what dedupe removed as a table', async () => {
  const { page } = await open(env);
  await page.locator(slides).first().waitFor();
  const tables = [];
  page.on('console', (m) => {
    if (m.type() === 'table') tables.push(m.args()[0].jsonValue());
  });
  await page.evaluate(() => document.querySelector('story-card').setAttribute('debug', ''));
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide"]').length === 8);
  await page.waitForTimeout(200);
  assert.equal(tables.length, 1);
  const rows = await tables[0];
  assert.deepEqual(rows.map((r) => [r.position, r.reason, r.mergedInto]), [[8, 'same-url', 0], [9, 'same-url', 1], [10, 'same-headline', 2]]);
  await page.close();
});

test('mount() rejects an element that cannot carry a shadow root', async () => {
  const { page } = await open(env);
  await page.locator(slides).first().waitFor();
  const message = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    try {
      await mount(document.createElement('img'), { data: { article: { headline: 'h' } } });
      return 'resolved';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(message, 'NotSupportedError');
  await page.close();
});

test("the host page's CSS cannot break the widget", async () => {
  const { page } = await open(env);
  await page.locator(slides).first().waitFor();
  const measure = () =>
    page.evaluate(() => {
      const root = document.querySelector('story-card').shadowRoot;
      const box = (sel) => {
        const r = root.querySelector(sel).getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      };
      return { headline: box('[part~="headline"]'), slide: box('[part~="slide"]'), next: box('[part~="next"]') };
    });
  const before = await measure();
  await page.addStyleTag({
    content: `* { box-sizing: content-box !important; } div, p, h2, h3, a, button, img { display: none !important; }
              h2 { font-size: 90px !important; } .track, #track, .slide { overflow: visible !important; }`,
  });
  assert.deepEqual(await measure(), before);
  await page.close();
});

test('the theme attribute forces light or dark, and --storycard-slide-width sets the slides', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator(slides).first().waitFor();
  const look = () =>
    page.evaluate(() => {
      const root = document.querySelector('story-card').shadowRoot;
      return {
        text: getComputedStyle(root.querySelector('[part~="headline"]')).color,
        slide: Math.round(root.querySelector('[part~="slide"]').getBoundingClientRect().width),
      };
    });
  const light = await look();
  await page.evaluate(() => document.querySelector('story-card').setAttribute('theme', 'dark'));
  const dark = await look();
  assert.equal(light.text, 'rgb(27, 27, 27)');
  assert.equal(dark.text, 'rgb(236, 236, 236)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.querySelector('story-card').setAttribute('theme', 'light'));
  assert.equal((await look()).text, 'rgb(27, 27, 27)', 'light even when the reader prefers dark');
  await page.evaluate(() => document.querySelector('story-card').style.setProperty('--storycard-slide-width', '200px'));
  assert.equal((await look()).slide, 200);
  assert.deepEqual(problems, []);
  await page.close();
});

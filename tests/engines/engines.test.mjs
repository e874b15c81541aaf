// The widget in Firefox and WebKit, driven over WebDriver (tests/engines/webdriver.mjs): what the
// Chromium suite (tests/e2e/) checks that every engine must do the same way. The demo and the
// article page render each story once; keys, buttons and the live region; "Read more"; the
// select and impression events; every hostile payload in every field; and every bad input. The
// pages are served with a strict Content-Security-Policy, as a news site would.
//
// Each engine's name and version are printed; `npm test` (scripts/setup.sh) installs them. An
// engine missing here fails under CI and is skipped elsewhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { engines, launch, KEY } from './webdriver.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAYLOADS = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/hostile/payloads.json'), 'utf8'));
// (the widget shows http and https images: the policy allows both, and reports anything else)
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: http: https:";
const WANTED = (process.env.ENGINES ?? 'firefox,webkit').split(',').filter(Boolean);
const available = engines();

let server;
let base;
before(async () => {
  server = await serve({ root: ROOT, port: 0, headers: { 'content-security-policy': POLICY } });
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(() => new Promise((done) => server.close(done)));

/** Waits in the page until the first <story-card> shows `count` slides or more; returns how many. */
const rendered = (browser, count = 1) =>
  browser.run(async (count) => {
    for (let i = 0; i < 400; i += 1) {
      const n = document.querySelector('story-card')?.shadowRoot?.querySelectorAll('[part~="slide"]').length ?? 0;
      if (n >= count) return n;
      await new Promise((done) => setTimeout(done, 25));
    }
    return 0;
  }, count);

/** The focused slide's label, the live region's text, and whether the focused slide is in view. */
const state = (browser) =>
  browser.run(() => {
    const root = document.querySelector('story-card').shadowRoot;
    const slide = root.activeElement?.closest('[part~="slide"]');
    const track = root.getElementById('track').getBoundingClientRect();
    const box = slide?.getBoundingClientRect();
    return {
      focused: slide?.getAttribute('aria-label') ?? null,
      said: root.getElementById('status').textContent,
      inView: box ? box.left >= track.left - 1 && box.right <= track.right + 1 : null,
    };
  });

const wait = (ms) => new Promise((done) => setTimeout(done, ms));

for (const name of WANTED) {
  const engine = available[name];
  const missing = engine ? false : `${name} is not installed here (scripts/setup.sh test installs it)`;
  describe(name, { skip: !process.env.CI && missing }, () => {
    let browser;
    before(async () => {
      if (missing) throw new Error(missing);
      browser = await launch(name, engine);
      console.log(`# ${name}: ${browser.version}`);
    });
    after(() => browser?.quit());

    test('the demo shows the seed card and eight related stories, each once', async () => {
      await browser.go(`${base}index.html`);
      assert.equal(await rendered(browser), 8);
      const card = await browser.run(async () => {
        const root = document.querySelector('story-card').shadowRoot;
        const texts = (part) => [...root.querySelectorAll(`[part~="${part}"]`)].map((e) => e.textContent.trim());
        // The ready event's report, from a second widget of the same data.
        const { mount } = await import('/pkg/storycard.js');
        const host = document.createElement('div');
        document.body.append(host);
        const detail = new Promise((done) => host.addEventListener('storycard:ready', (e) => done(e.detail), { once: true }));
        const handle = await mount(host, { data: JSON.parse(document.getElementById('article-data').textContent), pageDedupe: false });
        const { related, removed } = await detail;
        handle.destroy();
        host.remove();
        return {
          headline: texts('headline')[0],
          titles: texts('slide-title'),
          bylines: texts('slide-byline'),
          readingTime: texts('reading-time')[0],
          related: related.length,
          removed: removed.map((r) => r.reason),
        };
      });
      assert.equal(card.headline, 'US abandons conflict resolution, resumes aid to Ukraine');
      assert.equal(new Set(card.titles).size, 8, 'no story twice');
      assert.deepEqual(card.bylines, ['Khánh Minh', 'Song Minh', 'Anh Vũ'.normalize('NFD')]);
      assert.match(card.readingTime, /^\d+ min read$/);
      assert.equal(card.related, 8);
      assert.deepEqual(card.removed, ['same-url', 'same-url', 'same-headline']);
    });

    test('arrow keys, Home and End move between slides and say where the reader is', async () => {
      await browser.go(`${base}index.html`);
      await rendered(browser);
      assert.equal((await state(browser)).said, '', 'nothing is said on render');
      await browser.run(() => document.querySelector('story-card').shadowRoot.querySelector('[part~="slide"] a').focus());
      await browser.press(KEY.ArrowRight);
      assert.deepEqual(await state(browser), { focused: '2 of 8', said: 'slide 2 of 8', inView: true });
      await browser.press(KEY.End);
      await wait(800); // smooth scrolling
      assert.deepEqual(await state(browser), { focused: '8 of 8', said: 'slide 8 of 8', inView: true });
      await browser.press(KEY.ArrowRight);
      assert.equal((await state(browser)).focused, '8 of 8', 'the last slide stays the last');
      await browser.press(KEY.Home);
      await wait(800);
      assert.deepEqual(await state(browser), { focused: '1 of 8', said: 'slide 1 of 8', inView: true });
    });

    test('"next" scrolls the carousel, says where it is, and the buttons follow its ends', async () => {
      await browser.go(`${base}index.html`);
      await rendered(browser);
      const part = (p) => browser.run((p) => document.querySelector('story-card').shadowRoot.querySelector(`[part~="${p}"]`), p);
      const disabled = () =>
        browser.run(() => {
          const root = document.querySelector('story-card').shadowRoot;
          return ['prev', 'next'].map((p) => root.querySelector(`[part~="${p}"]`).getAttribute('aria-disabled'));
        });
      // (the buttons show once the carousel has measured its slides)
      await browser.run(async () => {
        const controls = document.querySelector('story-card').shadowRoot.getElementById('controls');
        for (let i = 0; i < 200 && controls.hidden; i += 1) await new Promise((done) => setTimeout(done, 25));
      });
      assert.deepEqual(await disabled(), ['true', 'false']);
      await browser.click(await part('next'));
      await wait(800);
      const after = await browser.run(() => {
        const root = document.querySelector('story-card').shadowRoot;
        return { left: Math.abs(root.getElementById('track').scrollLeft), said: root.getElementById('status').textContent };
      });
      assert.ok(after.left > 100, `scrolled ${after.left}`);
      assert.match(after.said, /^slide \d of 8$/);
      assert.deepEqual(await disabled(), ['false', 'false']);
      for (let i = 0; i < 8; i += 1) await browser.click(await part('next'));
      await wait(800);
      assert.deepEqual(await disabled(), ['false', 'true'], 'at the end');
    });

    test('"Read more" opens the full text', async () => {
      await browser.go(`${base}index.html`);
      await rendered(browser);
      const more = await browser.run(() => document.querySelector('story-card').shadowRoot.getElementById('more'));
      await browser.click(more);
      const open = await browser.run(() => {
        const root = document.querySelector('story-card').shadowRoot;
        const button = root.getElementById('more');
        return { expanded: button.getAttribute('aria-expanded'), label: button.textContent, hidden: root.getElementById('body').hidden, paragraphs: root.querySelectorAll('#body p').length };
      });
      assert.deepEqual({ ...open, paragraphs: open.paragraphs > 3 }, { expanded: 'true', label: 'Show less', hidden: false, paragraphs: true });
    });

    test('opening a story fires a cancelable storycard:select; a slide in view fires storycard:impression', async () => {
      await browser.go(`${base}index.html`);
      await rendered(browser);
      await browser.run(() => {
        window.__selected = [];
        document.addEventListener('storycard:select', (e) => {
          window.__selected.push({ position: e.detail.position, headline: e.detail.story.headline, cancelable: e.cancelable });
          e.preventDefault();
        });
      });
      const link = await browser.run(() => document.querySelector('story-card').shadowRoot.querySelectorAll('[part~="slide-title"] a')[1]);
      const before = await browser.run(() => location.href);
      await browser.click(link);
      await wait(300);
      const selected = await browser.run(() => ({ selected: window.__selected, at: location.href }));
      assert.equal(selected.selected.length, 1);
      assert.equal(selected.selected[0].position, 1);
      assert.equal(selected.selected[0].cancelable, true);
      assert.equal(selected.at, before, 'the app routed: the link was not followed');
      const impressions = await browser.run(async () => {
        const { mount } = await import('/pkg/storycard.js');
        const host = document.createElement('div');
        document.body.prepend(host);
        scrollTo(0, 0);
        const seen = [];
        host.addEventListener('storycard:impression', (e) => seen.push(e.detail.position));
        const related = Array.from({ length: 3 }, (_, i) => ({ headline: `Seen ${i}`, url: `https://news.example/seen/${i}` }));
        const handle = await mount(host, { data: { article: { headline: 'Seen' }, related }, pageDedupe: false });
        await new Promise((done) => setTimeout(done, 400));
        const early = seen.length;
        await new Promise((done) => setTimeout(done, 1400));
        handle.destroy();
        return { early, seen: seen.sort() };
      });
      assert.deepEqual(impressions, { early: 0, seen: [0, 1, 2] });
    });

    test('the article page gets its card and carousel from its own markup', async () => {
      await browser.go(`${base}www/article.html`);
      const slides = await rendered(browser);
      const page = await browser.run(() => ({
        headline: document.querySelector('story-card').shadowRoot.querySelector('[part~="headline"]').textContent,
        footerHidden: document.querySelector('.related-footer')?.hidden,
        h1: document.querySelector('h1')?.textContent.trim(),
      }));
      assert.ok(slides >= 3, `${slides} slides`);
      assert.equal(page.headline, page.h1);
      assert.equal(page.footerHidden, true, 'the page gives its related list to the carousel');
    });

    test(`${PAYLOADS.length} hostile payloads in every field: nothing runs, nothing comes from data`, async () => {
      await browser.go(`${base}index.html`);
      await rendered(browser);
      const result = await browser.run(async (payloads) => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        const { hostile } = await import('/tests/e2e/checks/hostile.js');
        const out = await hostile(payloads);
        await new Promise((done) => setTimeout(done, 100));
        return { ...out, violations, xss: window.__xss ?? null };
      }, PAYLOADS);
      console.log(`# ${name}: ${result.renders} hostile renders; markup shown as text in ${result.shownAsText}`);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(result.violations, []);
      assert.equal(result.xss, null);
      assert.ok(result.shownAsText > 100);
    });

    test('bad input and load: a clear error or a sane render, no panic, long renders in slices', async () => {
      const open = async () => {
        await browser.go(`${base}tests/e2e/checks/bad-input.html`);
        return browser.run(async () => {
          for (let i = 0; i < 200 && !window.__cases; i += 1) await new Promise((done) => setTimeout(done, 25));
          return window.__cases.CASES.map((c) => c.name);
        });
      };
      // One case: its input, the widget, a click on the host page (the clicks since the page was
      // loaded are `pings`), and what the reader got.
      const one = async (i, pings) => {
        await browser.run((i) => window.__cases.prepare(i), i);
        await browser.run((i) => window.__cases.run(i), i);
        await browser.click(await browser.run(() => document.querySelector('#ping')));
        return browser.run((i, pings) => window.__cases.judge(i, pings), i, pings);
      };
      const names = await open();
      const failures = [];
      let pings = 0;
      for (let i = 0; i < names.length; i += 1) {
        let outcome = await one(i, pings + 1).catch((error) => ({ error }));
        if (name === 'webkit' && (outcome.error || outcome.timedOut)) {
          // WebKitGTK's WebAssembly faults now and then on this machine (docs/browsers.md); a
          // fault can leave the page without an answer, or lose the browser's web process. Only a
          // case that hangs or whose browser stops answering (a WebDriver error) is run once more,
          // in a new browser; a wrong answer is never run again, and a repeat fails.
          console.log(`# ${name}: ${names[i]}: ${outcome.error?.message ?? outcome.failures.join('; ')}; run once more in a new browser (docs/browsers.md)`);
          await browser.quit();
          browser = await launch(name, engine);
          await open();
          pings = 0;
          outcome = await one(i, pings + 1);
        }
        if (outcome.error) throw outcome.error;
        pings += 1;
        failures.push(...outcome.failures);
        // (printed as each case ends, so that a run that stops says where)
        console.log(`# ${name}: ${outcome.row}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(await browser.run(() => window.__errors), []);
    });
  });
}

// The carousel's pager, its opt-in rotation and the page's own words for the widget's labels,
// on the demo page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

const slides = 'story-card [part~="slide"]';

/** Sets attributes on the demo's element and waits for the render they cause. */
const setAttributes = (page, attributes) =>
  page.evaluate(
    (attributes) =>
      new Promise((done) => {
        const card = document.querySelector('story-card');
        card.addEventListener('storycard:ready', () => requestAnimationFrame(() => done()), { once: true });
        for (const [name, value] of Object.entries(attributes)) {
          if (value === null) card.removeAttribute(name);
          else card.setAttribute(name, value);
        }
      }),
    attributes,
  );

/** The pager as a pointer user sees it, and where the track is. */
const pager = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    const pager = root.getElementById('pager');
    const track = root.getElementById('track');
    const first = [...track.children].find((s) => s.getBoundingClientRect().left >= track.getBoundingClientRect().left - 2);
    // (the dots shown: the view makes one a slide, up to ten, hidden until measured)
    const dots = [...pager.querySelectorAll('button:not([hidden])')];
    return {
      hidden: pager.getAttribute('aria-hidden'),
      dots: dots.map((b) => (b.part.contains('current') ? 'current' : 'dot')),
      focusable: dots.some((b) => b.tabIndex >= 0),
      size: dots.map((b) => Math.min(b.offsetWidth, b.offsetHeight)),
      text: dots.length ? '' : getComputedStyle(pager, '::after').content,
      first: first?.getAttribute('aria-label'),
      said: root.getElementById('status').textContent,
    };
  });

test('the pager shows a dot per page, and a dot moves the carousel there', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 700, height: 900 });
  await page.locator(slides).first().waitFor();
  await page.waitForTimeout(100);
  const before = await pager(page);
  // 8 slides, 2 in view: 4 pages.
  assert.deepEqual(before.dots, ['current', 'dot', 'dot', 'dot']);
  assert.equal(before.hidden, 'true', 'hidden from screen readers, which have the slide names');
  assert.equal(before.focusable, false, 'no tab stop inside a hidden subtree');
  assert.ok(before.size.every((s) => s >= 24), `each dot is a 24 px target (${before.size})`);
  await page.locator('story-card [part~="dot"]').nth(2).click();
  await page.waitForTimeout(300);
  const after = await pager(page);
  assert.deepEqual(after.dots, ['dot', 'dot', 'current', 'dot']);
  assert.equal(after.first, '5 of 8');
  assert.equal(after.said, 'slide 5 of 8');
  assert.deepEqual(problems, []);
  await page.close();
});

test('past ten pages the pager counts them instead', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    host.id = 'many';
    document.body.prepend(host);
    const related = Array.from({ length: 30 }, (_, i) => ({ headline: `Story ${i + 1}`, url: `https://news.example/${i + 1}` }));
    await mount(host, { data: { article: { headline: 'Thirty related' }, related }, max: 30 });
  });
  // (the count is the stylesheet's: `data-count` shown by ::after, no node added)
  const text = () =>
    page.evaluate(() => {
      const pager = document.getElementById('many').shadowRoot.getElementById('pager');
      const shown = getComputedStyle(pager, '::after').content;
      return shown === 'none' ? '' : JSON.parse(shown);
    });
  await page.waitForFunction(() => document.getElementById('many').shadowRoot.getElementById('pager').dataset.count);
  assert.equal(
    await page.evaluate(() => document.getElementById('many').shadowRoot.querySelectorAll('#pager button:not([hidden])').length),
    0,
    'no dot beside the count',
  );
  assert.equal(await text(), '1 / 30');
  await page.evaluate(() => document.getElementById('many').shadowRoot.getElementById('next').click());
  await page.waitForTimeout(200);
  assert.equal(await text(), '2 / 30');
  // Two slides fit a wide widget: no pager, and it keeps its height.
  await page.setViewportSize({ width: 1280, height: 900 });
  const few = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    document.body.prepend(host);
    const related = [1, 2].map((i) => ({ headline: `Other story ${i}`, url: `https://news.example/other/${i}` }));
    await mount(host, { data: { article: { headline: 'Two related' }, related } });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const pager = host.shadowRoot.getElementById('pager');
    return { dots: pager.querySelectorAll('button:not([hidden])').length, height: pager.offsetHeight, controls: host.shadowRoot.getElementById('controls').hidden };
  });
  assert.deepEqual(few, { dots: 0, height: 24, controls: true });
  assert.deepEqual(problems, []);
  await page.close();
});

/** The rotation button's name, the first slide in view, and what the live region says. */
const rotation = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    const track = root.getElementById('track');
    return {
      button: root.getElementById('rotate')?.getAttribute('aria-label') ?? null,
      at: Math.round(Math.abs(track.scrollLeft) / track.children[0].offsetWidth),
      said: root.getElementById('status').textContent,
    };
  });

test('autoplay rotates, silently, until a pointer, focus or the button stops it; it never resumes by itself', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.mouse.move(5, 5);
  await page.locator(slides).first().waitFor();
  assert.equal((await rotation(page)).button, null, 'no rotation unless asked for');
  await setAttributes(page, { autoplay: '0.4' });
  // Off with reduced motion: the button offers to start it.
  let now = await rotation(page);
  assert.equal(now.button, 'Start automatic slide show');
  await page.waitForTimeout(900);
  assert.equal((await rotation(page)).at, 0, 'reduced motion: no rotation');

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await setAttributes(page, { autoplay: '0.5' });
  assert.equal((await rotation(page)).button, 'Stop automatic slide show');
  // First in the carousel's tab order.
  const order = await page.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    return [...root.querySelector('[part~="related"]').querySelectorAll('button, a')].filter((e) => e.tabIndex >= 0)[0].id;
  });
  assert.equal(order, 'rotate');
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.getElementById('track').scrollLeft > 0);
  assert.equal((await rotation(page)).said, '', 'the rotation is not announced');

  // A pointer over the carousel stops it for good.
  await page.locator('story-card [part~="related-heading"]').hover();
  await page.waitForTimeout(800); // a smooth scroll under way ends
  now = await rotation(page);
  assert.equal(now.button, 'Start automatic slide show');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1500);
  assert.equal((await rotation(page)).at, now.at, 'stopped, and it stays stopped');

  // The button starts it again; focus inside the carousel stops it.
  await page.locator('story-card [part~="rotate"]').click();
  await page.mouse.move(5, 5);
  assert.equal((await rotation(page)).button, 'Stop automatic slide show');
  await page.waitForFunction((at) => {
    const track = document.querySelector('story-card').shadowRoot.getElementById('track');
    return Math.round(Math.abs(track.scrollLeft) / track.children[0].offsetWidth) !== at;
  }, now.at);
  await page.locator(`${slides} a`).first().focus();
  await page.waitForTimeout(800);
  now = await rotation(page);
  assert.equal(now.button, 'Start automatic slide show');
  await page.waitForTimeout(1500);
  assert.equal((await rotation(page)).at, now.at);

  // The button works from the keyboard. At the end (with time for the smooth scroll back)
  // the rotation starts over from the first slide.
  await page.locator('story-card [part~="rotate"]').focus();
  await page.keyboard.press('Enter');
  assert.equal((await rotation(page)).button, 'Stop automatic slide show');
  await setAttributes(page, { autoplay: '2' });
  assert.equal((await rotation(page)).button, 'Stop automatic slide show');
  await page.evaluate(() => {
    const track = document.querySelector('story-card').shadowRoot.getElementById('track');
    track.scrollTo({ left: track.scrollWidth, behavior: 'instant' });
  });
  await page.waitForFunction(() => document.querySelector('story-card').shadowRoot.getElementById('track').scrollLeft === 0, null, { timeout: 5000 });
  // Removing the attribute removes the button and the timer.
  await setAttributes(page, { autoplay: null });
  assert.equal((await rotation(page)).button, null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page replaces any of the widget’s words, by attribute (live) or option', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  await setAttributes(page, { lang: 'vi', 'label-prev': 'Lùi', 'label-read-more': 'Xem toàn bộ', 'label-slide': 'Tin {n}/{total}' });
  const words = () =>
    page.evaluate(() => {
      const root = document.querySelector('story-card').shadowRoot;
      return {
        prev: root.getElementById('prev').getAttribute('aria-label'),
        next: root.getElementById('next').getAttribute('aria-label'),
        more: root.getElementById('more').textContent,
        slide: root.querySelector('[part~="slide"]').getAttribute('aria-label'),
      };
    });
  assert.deepEqual(await words(), { prev: 'Lùi', next: 'Tin tiếp theo', more: 'Xem toàn bộ', slide: 'Tin 1/8' });
  await setAttributes(page, { 'label-prev': null, 'label-next': 'Tới' });
  assert.deepEqual(await words(), { prev: 'Tin trước', next: 'Tới', more: 'Xem toàn bộ', slide: 'Tin 1/8' });
  const mounted = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    document.body.append(host);
    await mount(host, {
      data: { article: { headline: 'H' }, related: [{ headline: 'R', url: 'https://news.example/r' }] },
      lang: 'en',
      labels: { related: 'More from the desk', slideRole: 'story', next: '' },
    });
    const root = host.shadowRoot;
    return [
      root.querySelector('[part~="related-heading"]').textContent,
      root.querySelector('[part~="slide"]').getAttribute('aria-roledescription'),
      root.getElementById('next').getAttribute('aria-label'),
    ];
  });
  assert.deepEqual(mounted, ['More from the desk', 'story', 'Next stories'], 'an empty label keeps the default');
  assert.deepEqual(problems, []);
  await page.close();
});

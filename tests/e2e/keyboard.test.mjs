// The carousel from the keyboard and for screen readers: arrow keys (mirrored right to left),
// Home and End move between slides when focus is in the carousel; the buttons keep focus; a
// polite live region says where the reader moved, and only then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

const slides = 'story-card [part~="slide"]';

/** The focused slide's label, the live region's text, and whether the focused slide is in view. */
const state = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    const focused = root.activeElement;
    const slide = focused?.closest('[part~="slide"]');
    const track = root.getElementById('track').getBoundingClientRect();
    const box = slide?.getBoundingClientRect();
    return {
      focused: slide?.getAttribute('aria-label') ?? focused?.getAttribute('part') ?? null,
      said: root.getElementById('status').textContent,
      inView: box ? box.left >= track.left - 1 && box.right <= track.right + 1 : null,
    };
  });

test('arrow keys, Home and End move between slides and say where the reader is', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  assert.equal((await state(page)).said, '', 'nothing is said on render');
  await page.locator(`${slides} a`).first().focus();
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await state(page), { focused: '2 of 8', said: 'slide 2 of 8', inView: true });
  await page.keyboard.press('End');
  await page.waitForTimeout(600); // smooth scrolling, where motion is allowed
  assert.deepEqual(await state(page), { focused: '8 of 8', said: 'slide 8 of 8', inView: true });
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).focused, '8 of 8', 'the last slide stays the last');
  await page.keyboard.press('Home');
  await page.waitForTimeout(600);
  assert.deepEqual(await state(page), { focused: '1 of 8', said: 'slide 1 of 8', inView: true });
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).focused, '1 of 8');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the buttons keep focus, and the live region follows them but not other scrolling', async () => {
  const { page, problems } = await open(env);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.locator(slides).first().waitFor();
  await page.evaluate(() => {
    document.querySelector('story-card').shadowRoot.getElementById('track').scrollLeft = 200;
  });
  await page.waitForTimeout(200);
  assert.equal((await state(page)).said, '', 'scrolling the track says nothing');
  await page.evaluate(() => {
    document.querySelector('story-card').shadowRoot.getElementById('track').scrollLeft = 0;
  });
  await page.waitForTimeout(200);
  const next = page.locator('story-card [part~="next"]');
  await next.focus();
  await page.keyboard.press('Enter');
  const after = await state(page);
  assert.equal(after.focused, 'next', 'focus stays on the button');
  assert.match(after.said, /^slide [2-8] of 8$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('right to left, the left arrow moves on', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  await page.evaluate(() => {
    document.querySelector('story-card').dir = 'rtl';
  });
  await page.locator(`${slides} a`).first().focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).focused, '2 of 8');
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).focused, '1 of 8');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an Arabic story in a right-to-left page mirrors: slide order, buttons, pager, keys', async () => {
  const { page, problems } = await open(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 900, height: 900 });
  await page.locator(slides).first().waitFor();
  const layout = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    const host = document.createElement('div');
    host.id = 'arabic';
    const column = document.createElement('div');
    column.dir = 'rtl';
    column.lang = 'ar';
    column.append(host);
    document.body.prepend(column);
    const headlines = ['الحكومة تعلن خطة جديدة للنقل', 'افتتاح جسر الميناء بعد الترميم', 'ارتفاع أسعار الوقود هذا الأسبوع',
      'فريق المدينة يفوز بالكأس', 'معرض الكتاب يستقبل الزوار', 'أمطار غزيرة متوقعة غدا'];
    await mount(host, {
      data: {
        article: { headline: 'عودة العبارة بعد عقد من الزمن', inLanguage: 'ar', datePublished: '2025-04-02' },
        related: headlines.map((headline, i) => ({ headline, url: `https://news.example/ar/${i}` })),
      },
    });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const root = host.shadowRoot;
    const x = (el) => el.getBoundingClientRect().left;
    const [first, second] = root.querySelectorAll('[part~="slide"]');
    const dots = root.querySelectorAll('[part~="dot"]:not([hidden])');
    return {
      firstRightOfSecond: x(first) > x(second),
      prevRightOfNext: x(root.getElementById('prev')) > x(root.getElementById('next')),
      firstDotRightmost: dots.length > 1 && x(dots[0]) > x(dots[1]),
      headingAtRight: root.querySelector('[part~="related-heading"]').getBoundingClientRect().right > x(root.getElementById('controls')),
      date: root.querySelector('[part~="date"]')?.textContent,
    };
  });
  assert.deepEqual(
    { ...layout, date: undefined },
    { firstRightOfSecond: true, prevRightOfNext: true, firstDotRightmost: true, headingAtRight: true, date: undefined },
  );
  assert.match(layout.date, /[\u0600-\u06FF\u0660-\u0669]/, `the date in Arabic (${layout.date})`);
  const arabic = (sel) => page.locator(`#arabic ${sel}`);
  await arabic('[part~="slide"] a').first().focus();
  await page.keyboard.press('ArrowLeft');
  const focused = () => page.evaluate(() => document.getElementById('arabic').shadowRoot.activeElement?.closest('[part~="slide"]')?.getAttribute('aria-label'));
  assert.equal(await focused(), '2 of 6', 'the left arrow moves on');
  await page.keyboard.press('End');
  assert.equal(await focused(), '6 of 6');
  await page.waitForTimeout(100);
  const scrolled = await page.evaluate(() => document.getElementById('arabic').shadowRoot.getElementById('track').scrollLeft);
  assert.ok(scrolled < 0, `the track has scrolled leftwards to the last slide (${scrolled})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('300 slides move by key and button, each move touching a few nodes, not every slide', async () => {
  const { page, problems } = await open(env);
  await page.locator(slides).first().waitFor();
  const long = await page.evaluate(async () => {
    const { mount } = await import('/pkg/storycard.js');
    document.querySelector('story-card').remove();
    const host = document.createElement('div');
    document.body.prepend(host);
    const related = Array.from({ length: 300 }, (_, i) => ({
      headline: `Related story number ${i + 1} about the harbour`,
      url: `https://news.example/story-${i + 1}`,
      description: 'A summary long enough to wrap onto a second line in a slide.',
    }));
    await mount(host, { data: { article: { headline: 'Three hundred stories' }, related }, max: 300, lang: 'en' });
    const quiet = () => new Promise((done) => setTimeout(done, 150));
    await quiet();
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const root = host.shadowRoot;
    // Every change a move makes to the shadow tree, but the live region's text.
    const changes = [];
    const status = root.getElementById('status');
    const watch = new MutationObserver((records) => changes.push(...records.filter((r) => r.target !== status)));
    watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    // (the pager and the buttons follow each scroll event, however many the scrolling makes)
    let scrolls = 0;
    root.addEventListener('scroll', () => (scrolls += 1), { capture: true, passive: true });
    const press = (key) => root.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    root.querySelector('[part~="slide"] a').focus();
    for (const key of ['End', 'Home', 'ArrowRight', 'ArrowRight', 'End', 'ArrowLeft']) {
      press(key);
      await quiet();
    }
    for (let i = 0; i < 5; i += 1) {
      root.getElementById('next').click();
      await quiet();
    }
    root.getElementById('track').scrollBy({ left: 5000, behavior: 'instant' });
    await quiet();
    observer.disconnect();
    watch.disconnect();
    const added = changes.filter((r) => r.type === 'childList').length;
    const onSlides = changes.filter((r) => r.target.closest?.('[part~="slide"]')).length;
    return { tasks, scrolls, changes: changes.length, added, onSlides, slides: root.querySelectorAll('[part~="slide"]').length, said: root.getElementById('status').textContent };
  });
  assert.equal(long.slides, 300);
  assert.match(long.said, /^slide \d+ of 300$/);
  // 12 moves, and the scroll events they make. Each writes the buttons' state and the pager's (at
  // most ten dots): a few dozen attributes, the same for 30 slides or 300; a move that touched
  // every slide would write 300.
  const updates = 12 + long.scrolls;
  console.log(`# 12 moves over 300 slides: ${long.scrolls} scroll events, ${long.changes} changes to the tree (${(long.changes / updates).toFixed(1)} an update); long tasks: ${JSON.stringify(long.tasks.map(Math.round))} ms`);
  assert.equal(long.added, 0, 'no node added or removed');
  assert.equal(long.onSlides, 0, 'no slide touched');
  assert.ok(long.changes <= 30 * updates, `${long.changes} changes for ${updates} updates`);
  assert.deepEqual(problems, []);
  await page.close();
});

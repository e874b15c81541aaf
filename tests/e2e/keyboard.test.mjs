// The carousel from the keyboard and for screen readers: arrow keys (mirrored right to left),
// Home and End move between slides when focus is in the carousel; the buttons keep focus; a
// polite live region says where the reader moved, and only then.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, start } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

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

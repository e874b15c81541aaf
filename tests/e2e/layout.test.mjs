// Zero layout shift from the card: on each demo page, at desktop and phone widths, with every
// image held back so that it arrives after the card has rendered, nothing moves: not when the card
// arrives (in the room the page reserves for it, as the README advises), not when the images
// arrive, not when the carousel is scrolled and its lazy images load (CLS measured with a
// PerformanceObserver).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './browser.mjs';

const env = browserForFile();

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

for (const path of ['', 'www/article.html']) {
  for (const size of WIDTHS) {
    test(`the card shifts nothing on ${path || 'the demo'} (${size.name}, images late)`, async () => {
      const page = await env.context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) window.__shifts.push({ at: e.startTime, value: e.value, nodes: e.sources.map((s) => s.node?.nodeName ?? '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        // The card's arrival is laid out in the frame after the ready event; what follows that
        // frame is the card's own stability.
        document.addEventListener('storycard:ready', () => {
          requestAnimationFrame(() => requestAnimationFrame(() => {
            window.__ready = performance.now();
          }));
        });
      });
      // Images answer 1.5 s late: after the card has rendered with their room reserved.
      await page.route(/\.(svg|png|jpe?g)$/, async (route) => {
        await new Promise((done) => setTimeout(done, 1500));
        await route.continue();
      });
      await page.goto(env.url + path);
      await page.locator('story-card [part~="slide"]').first().waitFor();
      // Every image in view arrives; then the carousel is scrolled to its end, which brings in
      // the lazy ones.
      const arrived = () =>
        page.waitForFunction(() =>
          [...document.querySelector('story-card').shadowRoot.querySelectorAll('img')]
            .filter((i) => {
              const r = i.getBoundingClientRect();
              return r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0;
            })
            .every((i) => i.complete),
        );
      await arrived();
      await page.evaluate(() => {
        const track = document.querySelector('story-card').shadowRoot.getElementById('track');
        track.scrollTo({ left: track.scrollWidth, behavior: 'instant' });
      });
      await page.waitForTimeout(200);
      await arrived();
      await page.waitForTimeout(300);
      const { shifts, ready } = await page.evaluate(() => ({ shifts: window.__shifts, ready: window.__ready }));
      await page.close();
      const sum = (list) => list.reduce((total, s) => total + s.value, 0);
      const later = shifts.filter((s) => s.at >= ready);
      console.log(`# ${path || 'demo'} ${size.name}: CLS of the card's arrival ${sum(shifts.filter((s) => s.at < ready)).toFixed(3)}, after it ${sum(later).toFixed(3)}`);
      assert.equal(sum(later), 0, JSON.stringify(later));
      assert.equal(sum(shifts), 0, `the arrival: ${JSON.stringify(shifts)}`);
    });
  }
}

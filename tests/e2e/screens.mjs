// Pictures of the demo: desktop and phone widths, light and dark, right to left. The end-to-end
// tests save all of them into test-results/screens/ (git-ignored); `npm run screenshots` writes the
// desktop and phone ones that the README shows into docs/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open } from './browser.mjs';

export const SCREENS = [
  { name: 'desktop', width: 1280, height: 900, scheme: 'light' },
  { name: 'phone', width: 390, height: 844, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' },
  { name: 'desktop-rtl', width: 1280, height: 900, scheme: 'light', rtl: true },
];

/**
 * Saves `screen` of the demo as `<dir>/<prefix><name>.png`; returns the file's path and what the
 * picture shows, read from the page as it was taken: the card's headline and how much of it is in
 * view, the slides wholly in view, the text colour's luminance (0 black, 1 white) and the
 * carousel's direction.
 */
export async function shoot(env, screen, dir, prefix = '') {
  const { page } = await open(env);
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await page.emulateMedia({ colorScheme: screen.scheme, reducedMotion: 'reduce' });
  if (screen.rtl) {
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      document.documentElement.lang = 'ar';
    });
  }
  await page.locator('story-card [part~="slide"]').first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelector('story-card').shadowRoot.querySelectorAll('img')]
      .filter((i) => {
        const r = i.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0;
      })
      .every((i) => i.complete),
  );
  const seen = await page.evaluate(() => {
    const root = document.querySelector('story-card').shadowRoot;
    const headline = root.querySelector('[part~="headline"]');
    const box = headline.getBoundingClientRect();
    const [r, g, b] = getComputedStyle(headline).color.match(/[\d.]+/g).map(Number);
    const track = root.getElementById('track').getBoundingClientRect();
    const slides = [...root.querySelectorAll('[part~="slide"]')].map((s) => s.getBoundingClientRect());
    return {
      headline: headline.textContent,
      headlineInView: box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth,
      slidesInView: slides.filter((s) => s.left >= track.left - 1 && s.right <= track.right + 1).length,
      textLuminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
      firstSlideAtRight: Math.abs(slides[0].right - track.right) < Math.abs(slides[0].left - track.left),
    };
  });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${prefix}${screen.name}.png`);
  const png = await page.screenshot({ path });
  await page.close();
  // (a PNG's size is in its header: width and height as 32-bit numbers at bytes 16 and 20)
  seen.size = [png.readUInt32BE(16), png.readUInt32BE(20)];
  return { path, seen };
}

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

/** Saves `screen` of the demo as `<dir>/<prefix><name>.png`; returns the file's path. */
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
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${prefix}${screen.name}.png`);
  await page.screenshot({ path });
  await page.close();
  return path;
}

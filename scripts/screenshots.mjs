// `npm run screenshots`: the README's pictures of the demo (docs/screenshot.png at desktop width,
// docs/screenshot-phone.png at phone width) and of the playground (docs/playground.png), taken in
// headless Chromium from a fresh build.
import { join } from 'node:path';
import { ROOT, start } from '../tests/e2e/browser.mjs';
import { SCREENS, shoot } from '../tests/e2e/screens.mjs';

const env = await start();
try {
  for (const [name, file] of [['desktop', 'screenshot'], ['phone', 'screenshot-phone']]) {
    const screen = SCREENS.find((s) => s.name === name);
    const { path: saved } = await shoot(env, { ...screen, name: file }, join(ROOT, 'docs'));
    console.log(`screenshots: ${saved}`);
  }
  // The playground (docs/playground.png), with the article demo pasted.
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${env.url}www/playground.html`);
  await page.evaluate(() => window.__playground.ready);
  await page.click('#load-article');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Harbour ferry'));
  await page.waitForFunction(() => [...document.querySelector('#card .card-host').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
  const path = join(ROOT, 'docs', 'playground.png');
  await page.screenshot({ path });
  await page.close();
  console.log(`screenshots: ${path}`);
} finally {
  await env.stop();
}

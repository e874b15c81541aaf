// `npm run screenshots`: the README's pictures of the demo (docs/screenshot.png at desktop width,
// docs/screenshot-phone.png at phone width), taken in headless Chromium from a fresh build.
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
} finally {
  await env.stop();
}

// Accessibility of both demo pages, checked by axe-core in Chromium: light and dark colour
// schemes, a phone width, right to left, and with the rotation button of `autoplay`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { browserForFile, open } from './browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = browserForFile();

const VARIANTS = [
  { name: 'light', scheme: 'light' },
  { name: 'dark', scheme: 'dark' },
  { name: 'phone', scheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'right to left', scheme: 'light', rtl: true },
  { name: 'autoplay, dark', scheme: 'dark', autoplay: true },
];

/** The violations axe-core finds on a page once its widget has rendered, as readable lines. */
async function violations(path, variant) {
  const { page, problems } = await open(env, path);
  if (variant.viewport) await page.setViewportSize(variant.viewport);
  await page.emulateMedia({ colorScheme: variant.scheme });
  if (variant.rtl) {
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      document.documentElement.lang = 'ar';
    });
  }
  await page.locator('story-card [part~="slide"]').first().waitFor();
  if (variant.autoplay) {
    await page.evaluate(() => document.querySelector('story-card').setAttribute('autoplay', ''));
    await page.locator('story-card [part~="rotate"]').waitFor();
  }
  await page.addScriptTag({ content: AXE });
  const { found, inShadow } = await page.evaluate(async () => {
    const { violations, passes } = await window.axe.run(document);
    return {
      found: violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      // A node inside a shadow root has a target of several selectors, one per tree.
      inShadow: passes.find((p) => p.id === 'color-contrast')?.nodes.filter((n) => Array.isArray(n.target[0])).length ?? 0,
    };
  });
  await page.close();
  assert.deepEqual(problems, []);
  assert.ok(inShadow > 10, `axe checked the widget's own text (${inShadow} nodes)`);
  return found;
}

for (const path of ['', 'www/article.html']) {
  for (const variant of VARIANTS) {
    test(`axe finds nothing on ${path || 'the demo'} (${variant.name})`, async () => {
      assert.deepEqual(await violations(path, variant), []);
    });
  }
}

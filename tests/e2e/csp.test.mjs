// Strict pages: both demo pages served with a Content-Security-Policy that allows only the
// page's own scripts, styles and images, WebAssembly compilation, and Trusted Types for script
// sinks. The widget renders and no violation is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, servePolicy } from './browser.mjs';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'";

const env = browserForFile();

for (const path of ['', 'www/article.html']) {
  test(`${path || 'the demo'} renders under a strict Content-Security-Policy`, async () => {
    const page = await env.context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await servePolicy(env, page, POLICY);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    await page.goto(env.url + path);
    await page.locator('story-card [part~="slide"]').first().waitFor();
    const policy = await page.evaluate(async () => {
      // The policy is in force: a string written to innerHTML is refused (Trusted Types), and so
      // is an image from another origin.
      let refused = false;
      try {
        document.createElement('div').innerHTML = '<b>text</b>';
      } catch {
        refused = true;
      }
      const probe = document.createElement('img');
      probe.src = 'https://elsewhere.example/pixel.png';
      document.body.append(probe);
      await new Promise((done) => setTimeout(done, 300));
      probe.remove();
      return { refused, violations: window.__violations };
    });
    assert.ok(policy.refused, 'Trusted Types are enforced');
    assert.deepEqual(
      policy.violations,
      ['require-trusted-types-for: trusted-types-sink', 'img-src: https://elsewhere.example/pixel.png'],
      'only the probes were refused',
    );
    assert.deepEqual(
      problems.filter((p) => !p.includes('elsewhere.example') && !p.includes('TrustedHTML')),
      [],
    );
    await page.close();
  });
}

test('where the policy forbids WebAssembly, the page keeps its own links and storycard:error says why', async () => {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const noWasm = POLICY.replace(" 'wasm-unsafe-eval'", '');
  await servePolicy(env, page, noWasm);
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('storycard:error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(`${env.url}www/article.html`);
  await page.waitForFunction(() => window.__errors.length > 0);
  const state = await page.evaluate(() => ({
    errors: window.__errors,
    shadow: document.querySelector('story-card').shadowRoot,
    lists: [...document.querySelectorAll('.related')].map((e) => e.hidden),
  }));
  assert.equal(state.errors.length, 1);
  assert.match(state.errors[0], /could not be loaded: .*WebAssembly/i);
  assert.equal(state.shadow, null, 'no shadow root hides the element\'s own content');
  assert.deepEqual(state.lists, [false, false], 'the page keeps its related lists');
  assert.equal(await page.locator('story-card > p > a').isVisible(), true, 'the fallback link is shown');
  assert.deepEqual(errors, [], 'nothing throws into the page');
  await page.close();
});

// Hostile data: every payload of tests/fixtures/hostile/payloads.json in every field the widget
// reads, rendered in Chromium under a strict Content-Security-Policy with a trap. For each render:
// no script ran (`window.__xss` stays unset, no violation is reported), every element and
// attribute is one the same field's benign renders have (with a plain value or none: nothing came
// from the data), every
// address is http(s), and markup shows as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserForFile, ROOT, servePolicy } from './browser.mjs';

const env = browserForFile();
const PAYLOADS = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/hostile/payloads.json'), 'utf8'));
// (the widget shows http and https images: the policy allows both, and reports anything else)
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: http: https:; require-trusted-types-for 'script'";

test(`${PAYLOADS.length} hostile payloads in every field: nothing runs, nothing comes from data`, async () => {
  assert.ok(PAYLOADS.length >= 60);
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // (the images of the data's addresses are answered there: nothing leaves the machine)
  await servePolicy(env, page, POLICY);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(env.url);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const result = await page.evaluate(async (payloads) => {
    const { hostile } = await import('/tests/e2e/checks/hostile.js');
    return { ...(await hostile(payloads)), violations: window.__violations };
  }, PAYLOADS);
  await page.close();
  console.log(`# ${result.renders} hostile renders; markup shown as text in ${result.shownAsText}`);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(result.violations, [], 'no policy violation: nothing tried to run');
  assert.ok(result.shownAsText > 100, 'markup in text fields is shown as text');
  assert.deepEqual(errors, []);
});

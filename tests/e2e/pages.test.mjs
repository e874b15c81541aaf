// The fixture pages (tests/fixtures/pages/) read by the widget in Chromium agree with the native
// reader: each page is served at its own address (Playwright answers the requests), with a
// <story-card> that has no data, and the storycard:ready detail must equal what
// `storycard extract` prints for the same page, field for field; a page without a headline must
// give the same error message.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, browserForFile, enhance } from './browser.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/pages');
const MODULE = '/__storycard/';
const TYPES = { js: 'text/javascript', wasm: 'application/wasm' };

const env = browserForFile();
let cli;
before(() => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'storycard'], { cwd: ROOT, stdio: 'inherit' });
  cli = join(ROOT, 'target/debug/storycard');
});

/** What the native reader makes of a page: the detail, or the error message. */
function native(file, url, related) {
  const args = ['extract', file, '--url', url];
  if (related) args.push('--related', related);
  const run = spawnSync(cli, args, { encoding: 'utf8' });
  if (run.status === 0) return { type: 'storycard:ready', detail: JSON.parse(run.stdout) };
  const message = run.stderr.trim().replace(/^storycard: /, '');
  assert.equal(run.status, 1, message);
  return { type: 'storycard:error', detail: { message } };
}

/** What the widget makes of a page in Chromium: the first event it fires. */
async function browser(html, url, related) {
  const page = await env.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route('**/*', async (route) => {
    const request = new URL(route.request().url());
    if (route.request().url() === url) {
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: enhance(html, related, MODULE) });
    } else if (request.pathname.startsWith(MODULE)) {
      const name = request.pathname.slice(MODULE.length);
      const body = readFileSync(join(ROOT, 'pkg', name));
      await route.fulfill({ contentType: TYPES[name.split('.').pop()], body });
    } else {
      await route.fulfill({ status: 204 }); // images and the like
    }
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['storycard:ready', 'storycard:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__events.length > 0);
  const events = await page.evaluate(() => window.__events);
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(events.length, 1, 'one event');
  return events[0];
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

test('the fixture corpus is there', () => {
  assert.ok(names.length >= 30, `${names.length} pages`);
});

for (const name of names) {
  test(`${name}: the browser reads what the native reader reads`, async () => {
    const file = join(FIXTURES, `${name}.html`);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const url = expected.pageUrl ?? `https://fixtures.storycard.test/${name}.html`;
    const related = (expected.related ?? []).join(', ');
    const want = native(file, url, related);
    const got = await browser(readFileSync(file, 'utf8'), url, related);
    assert.deepEqual(got, want);
    if (expected.article?.headline) assert.equal(got.detail.article.headline, expected.article.headline);
  });
}

// Dates without the browser's locale data where the crate writes them: the page's first
// `Intl.DateTimeFormat` loads the browser's date and time zone data (13 to 26 ms in Chromium
// here). In the languages the crate writes itself (DATE_LANGUAGES), the widget makes none; in
// others, the element module makes the first one as soon as it starts loading the WebAssembly
// module, in a task of its own, so that the render's task does not carry that load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, browserForFile } from './browser.mjs';

const env = browserForFile();

/** The formatters the demo page makes, in the page's language `lang`. */
async function formatters(lang) {
  const page = await env.context.newPage();
  await page.addInitScript(() => {
    const Original = Intl.DateTimeFormat;
    window.__made = [];
    // Each formatter made: its arguments, whether a slide was rendered by then, and a count of
    // the tasks that ran before it (a task ends between two ticks of the MessageChannel below).
    Intl.DateTimeFormat = function DateTimeFormat(...args) {
      const host = document.querySelector('story-card');
      window.__made.push({ args: args.length, rendered: !!host?.shadowRoot?.querySelector('[part~="slide"]'), task: window.__task });
      return new Original(...args);
    };
    Intl.DateTimeFormat.prototype = Original.prototype;
    window.__task = 0;
    const { port1, port2 } = new MessageChannel();
    // (the count must outlast a slow load: a cap of 10,000 ran out before the render on a busy
    // machine, and then every formatter saw the same count)
    port1.onmessage = () => {
      window.__task += 1;
      if (window.__task < 10_000_000) port2.postMessage(0);
    };
    port2.postMessage(0);
  });
  // (the demo, page and widget in the language asked for: its own is Vietnamese)
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8')
    .replace('<html lang="vi">', `<html lang="${lang}">`)
    .replace('<story-card source="#article-data">', `<story-card source="#article-data" lang="${lang}">`);
  assert.ok(html.includes(`<html lang="${lang}">`) && html.includes(`lang="${lang}">`));
  await page.route(`${env.url}index.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${env.url}index.html`);
  await page.waitForFunction(() => document.querySelector('story-card')?.matches(':state(ready)'));
  const made = await page.evaluate(() => window.__made);
  const date = await page.evaluate(() => document.querySelector('story-card').shadowRoot.querySelector('[part~="date"]')?.textContent ?? '');
  await page.close();
  return { made, date };
}

test('in a language the crate writes, the widget makes no date formatter', async () => {
  for (const lang of ['vi', 'en']) {
    const { made, date } = await formatters(lang);
    assert.deepEqual(made, [], `${lang}: formatters made: ${JSON.stringify(made)}`);
    assert.match(date, /2025/, `${lang}: the card has its date`);
  }
});

test('in another language, the first formatter is made before the render, and the render makes its own after it', async () => {
  const { made, date } = await formatters('th');
  assert.ok(made.length >= 2, `formatters made: ${JSON.stringify(made)}`);
  const [first, ...rest] = made;
  assert.deepEqual([first.args, first.rendered], [0, false], 'the first formatter is the early one, before any slide');
  assert.ok(rest.every((m) => m.args > 0), 'the render makes its own formatters, with the language');
  assert.ok(rest[0].task > first.task, 'in a later task than the early one');
  assert.match(date, /2568|2025/, 'the card has its date (Thai years are Buddhist-era)');
});

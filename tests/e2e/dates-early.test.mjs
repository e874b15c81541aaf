// The page's first `Intl.DateTimeFormat` loads the browser's date and time zone data (usually 15
// to 25 ms in Chromium). The element module makes one as soon as it starts loading the WebAssembly module,
// in a task of its own, so the render's task does not carry that load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './browser.mjs';

const env = browserForFile();

test('the first date formatter is made before the render, and the render makes its own after it', async () => {
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
  await page.goto(`${env.url}index.html`);
  await page.waitForFunction(() => document.querySelector('story-card')?.matches(':state(ready)'));
  const made = await page.evaluate(() => window.__made);
  await page.close();
  assert.ok(made.length >= 2, `formatters made: ${JSON.stringify(made)}`);
  const [first, ...rest] = made;
  assert.deepEqual([first.args, first.rendered], [0, false], 'the first formatter is the early one, before any slide');
  assert.ok(rest.every((m) => m.args > 0), 'the render makes its own formatters, with the language');
  assert.ok(rest[0].task > first.task, 'in a later task than the early one');
});

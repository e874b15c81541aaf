// Bad input and load: every kind of broken or oversized data a CMS can put in a page, each given to
// the widget in Chromium (as a data island, as `mount()` data, or as many widgets), with what the
// reader must see. For every case: the expected `storycard:error` (with a message that says what
// is wrong) or a sane render; no panic in the WebAssembly (a page error), no console error beyond
// the widget's own report; no main-thread task over 200 ms from the moment the widget starts; and
// the host page still answers a click afterwards. After every case a plain widget still renders:
// the module is not left broken. The test prints the table the README's "Bad input" section shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './browser.mjs';

const env = browserForFile();

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page</title></head>
<body><button id="ping" type="button">Ping</button><output id="pings">0</output><main id="slot"></main>
<script type="module">
  import { mount } from '/pkg/storycard.js';
  window.__mount = mount;
  document.querySelector('#ping').addEventListener('click', () => {
    const out = document.querySelector('#pings');
    out.textContent = Number(out.textContent) + 1;
  });
</script></body></html>`;

/** The longest a task may hold the main thread once the widget has started. */
const BLOCK_MS = 200;


// Each case builds its input in the page (`input`, run in a task of its own, before timing
// starts) and says what the reader must see: `error` (a regular expression the message must
// match) or `ready` (a check of the rendered shadow root, returning a list of problems).
// `as`: 'island' puts `window.__input` (a string) in a data island; 'data' passes it to mount();
// 'widgets' inserts the elements `window.__input` lists.
const CASES = [
  {
    name: 'invalid JSON',
    as: 'island',
    input: () => '{"article": {"headline": "Harbour ferry returns",}, "related": []}',
    error: /not valid JSON/,
  },
  {
    name: 'truncated JSON',
    as: 'island',
    input: () => '{"article": {"headline": "Harbour ferry returns", "url": "https://news.example/fe',
    error: /not valid JSON/,
  },
  {
    name: 'an empty data island',
    as: 'island',
    input: () => '',
    error: /not valid JSON/,
  },
  { name: 'data that is an array', as: 'data', input: () => [{ headline: 'x' }], error: /the article data must be an object, found an array/ },
  { name: 'data that is a string', as: 'data', input: () => 'Harbour ferry returns', error: /must be an object, found a string/ },
  { name: 'article that is a string', as: 'data', input: () => ({ article: 'Harbour ferry returns' }), error: /^article must be an object, found a string/ },
  { name: 'headline that is a number', as: 'data', input: () => ({ article: { headline: 42 } }), error: /article.headline must be a string, found a number/ },
  { name: 'related that is an object', as: 'data', input: () => ({ article: { headline: 'Harbour ferry returns' }, related: { headline: 'x' } }), error: /^related must be an array, found an object/ },
  { name: 'a related entry that is a string', as: 'data', input: () => ({ article: { headline: 'Harbour ferry returns' }, related: [{ headline: 'Pier plans' }, 'Bridge works'] }), error: /related\[1\] must be an object, found a string/ },
  {
    name: 'wrong types in every optional field',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: 7, author: 7, datePublished: [], description: {}, articleBody: 5, image: true, articleSection: 1, inLanguage: false },
      relatedHeading: ['More'],
      related: [
        { headline: 'Pier plans on show', url: {}, author: [1, true, null], description: 9, image: 3, datePublished: {} },
        { headline: 7 },
        { headline: 'Bridge deck to be rebuilt', url: 'https://news.example/bridge' },
      ],
    }),
    ready: (root) => expectCard(root, 'Harbour ferry returns', ['Pier plans on show', 'Bridge deck to be rebuilt']),
    warnings: true,
  },
  { name: 'a data island of null', as: 'island', input: () => 'null', error: /the article data must be an object, found null/ },
  { name: 'null article', as: 'data', input: () => ({ article: null }), error: /^article must be an object, found nothing|article must be an object/ },
  {
    name: 'null in every field',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: null, author: null, datePublished: null, description: null, articleBody: null, image: null, articleSection: null, inLanguage: null },
      relatedHeading: null,
      related: [null, { headline: null }, { headline: 'Pier plans on show', url: null, author: null, image: null, description: null }],
    }),
    error: /related\[0\] must be an object/,
  },
  {
    name: 'null in every optional field',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: null, author: [null], datePublished: null, description: null, articleBody: [null], image: null, articleSection: null, inLanguage: null },
      relatedHeading: null,
      related: [{ headline: null }, { headline: 'Pier plans on show', url: null, author: null, image: null, description: null }],
    }),
    ready: (root) => expectCard(root, 'Harbour ferry returns', ['Pier plans on show']),
  },
  { name: 'an empty headline', as: 'data', input: () => ({ article: { headline: '   ' } }), error: /article.headline is missing or empty/ },
  {
    name: 'empty strings everywhere else',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: '', author: '', datePublished: '', description: '', articleBody: ['', ''], image: '', articleSection: '', inLanguage: '' },
      relatedHeading: '',
      related: [{ headline: '' }, { headline: 'Pier plans on show', url: '', author: { name: '' }, image: { url: '' }, description: '' }],
    }),
    ready: (root) => {
      const problems = expectCard(root, 'Harbour ferry returns', ['Pier plans on show']);
      // (an empty value makes no empty element: no byline, date, image, section or summary)
      for (const part of ['byline', 'image', 'section', 'summary', 'slide-summary', 'slide-image']) {
        if (root.querySelector(`[part~="${part}"]`)) problems.push(`an empty ${part} is shown`);
      }
      if (root.querySelector('[part~="card"] time')) problems.push('an empty date is shown');
      return problems;
    },
  },
  {
    name: 'a 10 MB headline',
    as: 'data',
    input: () => ({ article: { headline: `Harbour ferry returns ${'and more '.repeat(1_165_000)}` }, related: [{ headline: `Pier plans ${'on show '.repeat(1_310_000)}`, url: 'https://news.example/pier' }] }),
    ready: (root) => {
      const problems = [];
      const headline = root.querySelector('[part~="headline"]')?.textContent ?? '';
      if (!headline.startsWith('Harbour ferry returns')) problems.push('headline not shown');
      if (headline.length > 2000) problems.push(`headline shown at ${headline.length} characters`);
      if (!root.querySelector('[part~="slide"]')) problems.push('no slide');
      return problems;
    },
  },
  {
    name: 'a 10 MB article body in a data island',
    as: 'island',
    input: () => JSON.stringify({ article: { headline: 'Harbour ferry returns', articleBody: Array.from({ length: 10_000 }, (_, i) => `Paragraph ${i}. ${'The council voted. '.repeat(55)}`) } }),
    ready: (root) => expectCard(root, 'Harbour ferry returns', []),
  },
  {
    name: '100,000 related entries',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: 'https://news.example/ferry' },
      related: Array.from({ length: 100_000 }, (_, i) => ({ headline: `Story ${i % 70_000} on the council budget`, url: `https://news.example/story-${i % 70_000}` })),
    }),
    ready: (root) => expectSlides(root, 20),
  },
  {
    name: 'JSON nested 10,000 deep in a data island',
    as: 'island',
    input: () => `{"article": {"headline": "Harbour ferry returns", "image": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
    error: /nested deeper than 64 levels/,
  },
  {
    name: 'data nested 10,000 deep',
    as: 'data',
    input: () => {
      let deep = {};
      for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
      return { article: { headline: 'Harbour ferry returns', image: deep } };
    },
    error: /nested deeper than 64 levels/,
  },
  {
    name: 'lone surrogates and control characters',
    as: 'data',
    input: () => ({
      article: { headline: `Harbour\u0000 ferry \ud800returns\u0007\u001b[31m`, author: `Mara\udc00 Lindqvist\u0008`, description: 'Four\u000b vessels\u0085 from June.' },
      related: [{ headline: `Pier \udbff plans\u0001 on show`, url: 'https://news.example/pier' }],
    }),
    ready: (root) => {
      const problems = expectSlides(root, 1);
      const text = root.textContent;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) problems.push('a control character is shown');
      if (!/Harbour\s*ferry/.test(root.querySelector('[part~="headline"]')?.textContent ?? '')) problems.push('headline not shown');
      return problems;
    },
  },
  {
    name: 'invalid dates',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', datePublished: '2025-13-45T99:99' },
      related: [
        { headline: 'Pier plans on show', url: 'https://news.example/pier', datePublished: 'yesterday' },
        { headline: 'Bridge deck to be rebuilt', url: 'https://news.example/bridge', datePublished: '0000-00-00' },
        { headline: 'Tram line delayed', url: 'https://news.example/tram', datePublished: '+275760-09-14' },
      ],
    }),
    ready: (root) => {
      const problems = expectSlides(root, 3);
      if (/Invalid Date|NaN|undefined/.test(root.textContent)) problems.push('"Invalid Date" shown');
      for (const time of root.querySelectorAll('time')) {
        if (Number.isNaN(Date.parse(time.dateTime))) problems.push(`time with datetime "${time.dateTime}"`);
      }
      return problems;
    },
  },
  {
    name: 'relative and protocol-relative addresses without a base',
    as: 'data',
    input: () => ({
      article: { headline: 'Harbour ferry returns', image: { url: '//cdn.example/ferry.jpg' }, author: { name: 'Mara Lindqvist', url: 'author/mara' } },
      related: [
        { headline: 'Pier plans on show', url: '/city/pier' },
        { headline: 'Bridge deck to be rebuilt', url: '//news.example/city/bridge', image: 'img/bridge.jpg' },
        { headline: 'Tram line delayed', url: '../tram?utm_source=x' },
        { headline: 'Pier plans on show', url: '/city/pier?utm_medium=email' },
      ],
    }),
    ready: (root) => {
      const problems = expectSlides(root, 3);
      for (const el of root.querySelectorAll('[href], [src]')) {
        const address = el.getAttribute('href') ?? el.getAttribute('src');
        const { protocol } = new URL(address, document.baseURI);
        if (protocol !== 'http:' && protocol !== 'https:') problems.push(`address ${address}`);
      }
      return problems;
    },
  },
  {
    name: '50 widgets on one page',
    as: 'widgets',
    input: () =>
      Array.from({ length: 50 }, (_, w) => ({
        article: { headline: `Article ${w}`, url: `https://news.example/article-${w}` },
        // Each widget lists ten stories, five of which the widget before it lists too.
        related: Array.from({ length: 10 }, (_, i) => ({ headline: `Story ${w * 5 + i} on the harbour`, url: `https://news.example/story-${w * 5 + i}` })),
      })),
    ready: (roots) => {
      const problems = [];
      if (roots.length !== 50) problems.push(`${roots.length} widgets rendered`);
      const shown = roots.flatMap((root) => [...root.querySelectorAll('[part~="slide-title"] a')].map((a) => a.href));
      if (new Set(shown).size !== shown.length) problems.push('a story is shown twice on the page');
      if (shown.length !== 50 * 5 + 5) problems.push(`${shown.length} slides in all`);
      return problems;
    },
  },
];

/** The card shows `headline` and exactly these related headlines. */
function expectCard(root, headline, related) {
  const problems = [];
  const shown = root.querySelector('[part~="headline"]')?.textContent.trim();
  if (shown !== headline) problems.push(`headline "${shown}"`);
  const slides = [...root.querySelectorAll('[part~="slide-title"]')].map((t) => t.textContent.trim());
  if (JSON.stringify(slides) !== JSON.stringify(related)) problems.push(`slides ${JSON.stringify(slides)}`);
  return problems;
}

function expectSlides(root, count) {
  const n = root.querySelectorAll('[part~="slide"]').length;
  return n === count ? [] : [`${n} slides, expected ${count}`];
}

test(`${CASES.length} kinds of bad input and load: a clear error or a sane render, no panic, no task over ${BLOCK_MS} ms`, async () => {
  const page = await env.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // (the images of made-up addresses fail to load: that is the browser's report, not the widget's)
    if (m.type() === 'error' && !m.text().startsWith('storycard: ') && !m.text().startsWith('Failed to load resource')) problems.push(`console.error: ${m.text()}`);
  });
  await page.route('**/bad-input.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST_PAGE }));
  await page.goto(`${env.url}bad-input.html`);
  await page.waitForFunction(() => window.__mount);

  const rows = [];
  const failures = [];
  for (const c of CASES) {
    // The input, built in a task of its own.
    await page.evaluate(`window.__input = (${c.input})()`);
    const result = await page.evaluate(
      async ({ as, blockMs }) => {
        const slot = document.querySelector('#slot');
        slot.replaceChildren();
        const tasks = [];
        const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
        observer.observe({ type: 'longtask' });
        const events = [];
        const started = performance.now();
        const hosts = [];
        const settled = (host) =>
          new Promise((done) => {
            for (const type of ['storycard:ready', 'storycard:error']) {
              host.addEventListener(type, (e) => {
                if (e.target === host) done({ type, detail: e.detail });
              });
            }
          });
        const waits = [];
        if (as === 'island') {
          const island = document.createElement('script');
          island.type = 'application/json';
          island.id = 'island';
          island.textContent = window.__input;
          const card = document.createElement('story-card');
          card.setAttribute('source', '#island');
          slot.append(island, card);
          hosts.push(card);
          waits.push(settled(card));
        } else if (as === 'data') {
          const host = document.createElement('div');
          slot.append(host);
          hosts.push(host);
          waits.push(settled(host));
          // (mount() reports bad data by the event, and resolves)
          window.__mount(host, { data: window.__input, pageDedupe: false }).catch((e) => events.push({ type: 'rejected', detail: { message: String(e) } }));
        } else {
          for (const data of window.__input) {
            const card = document.createElement('story-card');
            const island = document.createElement('script');
            island.type = 'application/json';
            island.id = `island-${hosts.length}`;
            island.textContent = JSON.stringify(data);
            card.setAttribute('source', `#${island.id}`);
            slot.append(island, card);
            hosts.push(card);
            waits.push(settled(card));
          }
        }
        events.push(...(await Promise.all(waits)));
        const ms = performance.now() - started;
        // (long tasks are reported after they end: two frames later they are in)
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        await new Promise((done) => setTimeout(done, 50));
        observer.disconnect();
        const longest = Math.max(0, ...tasks.filter((t) => t.startTime + t.duration >= started).map((t) => t.duration));
        return {
          events: events.map((e) => ({ type: e.type, message: e.detail?.message, warnings: e.detail?.warnings?.length ?? 0 })),
          ms,
          longest,
          blockMs,
        };
      },
      { as: c.as, blockMs: BLOCK_MS },
    );
    // What the reader sees, checked in the page.
    const seen = await page.evaluate(
      ({ as, check }) => {
        const roots = [...document.querySelectorAll('#slot > *')].map((e) => e.shadowRoot).filter(Boolean);
        // eslint-disable-next-line no-new-func
        const fn = new Function(`return (${check})`)();
        const errorNotice = roots.some((r) => r.querySelector('[part~="error"]'));
        return { errorNotice, problems: check ? fn(as === 'widgets' ? roots : roots[0]) : [] };
      },
      { as: c.as, check: c.ready ? `(root) => { ${expectCard}; ${expectSlides}; return (${c.ready})(root); }` : null },
    );
    // The host page answers a click.
    await page.click('#ping', { timeout: 2000 });
    const pings = await page.textContent('#pings');

    const where = c.name;
    const types = new Set(result.events.map((e) => e.type));
    if (c.error) {
      const event = result.events.find((e) => e.type === 'storycard:error');
      if (!event) failures.push(`${where}: no storycard:error (${[...types]})`);
      else if (!c.error.test(event.message)) failures.push(`${where}: error "${event.message}" does not match ${c.error}`);
      if (!seen.errorNotice) failures.push(`${where}: no notice for the reader`);
    } else {
      if (types.size !== 1 || !types.has('storycard:ready')) failures.push(`${where}: events ${JSON.stringify(result.events).slice(0, 300)}`);
      for (const p of seen.problems) failures.push(`${where}: ${p}`);
      if (c.warnings && !result.events.some((e) => e.warnings > 0)) failures.push(`${where}: no warnings reported`);
    }
    if (result.longest > BLOCK_MS) failures.push(`${where}: a ${result.longest.toFixed(0)} ms task`);
    if (Number(pings) !== rows.length + 1) failures.push(`${where}: the page did not answer a click`);
    // The module still works.
    const after = await page.evaluate(async () => {
      const host = document.createElement('div');
      document.querySelector('#slot').replaceChildren(host);
      const handle = await window.__mount(host, { data: { article: { headline: 'Still here' } }, pageDedupe: false });
      const ok = host.shadowRoot.querySelector('[part~="headline"]')?.textContent === 'Still here';
      handle.destroy();
      return ok;
    });
    if (!after) failures.push(`${where}: the next widget did not render`);
    failures.push(...problems.splice(0).map((p) => `${where}: ${p}`));
    const event = result.events.find((e) => e.type === 'storycard:error');
    rows.push(
      `| ${c.name} | ${event ? `error: ${event.message.slice(0, 90)}` : `render (${result.events.reduce((n, e) => n + e.warnings, 0)} warnings)`} | ${result.ms.toFixed(0)} | ${result.longest.toFixed(0)} |`,
    );
  }
  console.log(['| input | what the reader gets | ms to the event | longest task (ms) |', '|---|---|---:|---:|', ...rows].join('\n'));
  assert.deepEqual(failures, []);
  await page.close();
});

// The bad-input cases, run in the page by any engine: each builds its input, gives it to the
// widget (as a data island, as mount() data, or as many widgets) and checks what the reader gets.
// The host page is bad-input.html beside this file; tests/e2e/bad-input.test.mjs runs the cases in
// Chromium through Playwright, and tests/engines/ in Firefox and WebKit through WebDriver.

// A render the widget spreads over tasks (`slices: true`) must let the page run between them:
// the page's own messages are counted while it renders. The longest task is printed, not
// asserted: load changes it, and the benchmark times the widget.

// Each case builds its input in the page (`input`, run in a task of its own, before timing
// starts) and says what the reader must see: `error` (a regular expression the message must
// match) or `ready` (a check of the rendered shadow root, returning a list of problems).
// `as`: 'island' puts `window.__input` (a string) in a data island; 'data' passes it to mount();
// 'widgets' inserts the elements `window.__input` lists.
export const CASES = [
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
    slices: true,
    input: () => ({
      article: { headline: 'Harbour ferry returns', url: 'https://news.example/ferry' },
      related: Array.from({ length: 100_000 }, (_, i) => ({ headline: `Story ${i % 70_000} on the council budget`, url: `https://news.example/story-${i % 70_000}` })),
    }),
    ready: (root) => expectSlides(root, 20),
  },
  {
    // Each entry keeps its 10,000-character summary: 20,000 of them are about 200 MB, past the
    // 160 MiB the widget may use (src/memory.rs) and the module's 256 MiB. The widget stops with
    // an error, frees what it read, and the next case's widgets render.
    name: '20,000 related entries with long summaries',
    as: 'data',
    slices: true,
    input: () => {
      const summary = 'The council voted on the harbour budget. '.repeat(250);
      return {
        article: { headline: 'Harbour ferry returns', url: 'https://news.example/ferry' },
        related: Array.from({ length: 20_000 }, (_, i) => ({ headline: `Story ${i} on the council budget`, url: `https://news.example/story-${i}`, description: summary })),
      };
    },
    error: /^the article data needs more memory than the widget may use \(160 MiB\): it stopped reading at related\[\d+\]$/,
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


/** How long run() waits for every widget's event (the longest case takes a few seconds). */
export const DEADLINE_MS = 60_000;

/** Builds case `i`'s input (before the timing starts, in a task of its own). */
export function prepare(i) {
  window.__input = CASES[i].input();
  return CASES[i].name;
}

/**
 * Gives case `i`'s input to the widget and waits for its events. Measures the longest task from
 * the moment the widget starts: by the Long Tasks API where the engine has it, and in every
 * engine by a heartbeat of messages, whose longest gap is the longest the page could not answer.
 */
export async function run(i) {
  const { as } = CASES[i];
  const slot = document.querySelector('#slot');
  slot.replaceChildren();
  const tasks = [];
  const observer = 'PerformanceObserver' in window && PerformanceObserver.supportedEntryTypes?.includes('longtask')
    ? new PerformanceObserver((list) => tasks.push(...list.getEntries()))
    : null;
  observer?.observe({ type: 'longtask' });
  let beating = true;
  let gap = 0;
  let beats = 0;
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    beats += 1;
    if (beating) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  const events = [];
  const started = performance.now();
  const settled = (host) =>
    new Promise((done) => {
      for (const type of ['storycard:ready', 'storycard:error']) {
        host.addEventListener(type, (e) => {
          if (e.target === host) done({ type, detail: e.detail });
        });
      }
    });
  const waits = [];
  const island = (id, text) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = id;
    script.textContent = text;
    return script;
  };
  if (as === 'island') {
    const card = document.createElement('story-card');
    card.setAttribute('source', '#island');
    slot.append(island('island', window.__input), card);
    waits.push(settled(card));
  } else if (as === 'data') {
    const host = document.createElement('div');
    slot.append(host);
    waits.push(settled(host));
    // (mount() reports bad data by the event, and resolves)
    window.__mount(host, { data: window.__input, pageDedupe: false }).catch((e) => events.push({ type: 'rejected', detail: { message: String(e) } }));
  } else {
    window.__input.forEach((data, n) => {
      const card = document.createElement('story-card');
      card.setAttribute('source', `#island-${n}`);
      slot.append(island(`island-${n}`, JSON.stringify(data)), card);
      waits.push(settled(card));
    });
  }
  // A widget that sends no event at all in a minute is a failure of its own (judge() says so),
  // not a test runner's timeout that names no case.
  let timer;
  const deadline = new Promise((done) => {
    timer = setTimeout(() => done(null), DEADLINE_MS);
  });
  const settledAll = await Promise.race([Promise.all(waits), deadline]);
  clearTimeout(timer);
  const timedOut = settledAll === null;
  events.push(...(settledAll ?? []));
  const ms = performance.now() - started;
  const between = beats;
  // (long tasks are reported after they end: two frames and a moment later they are in)
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await new Promise((done) => setTimeout(done, 50));
  beating = false;
  observer?.disconnect();
  const longest = Math.max(gap, ...tasks.filter((t) => t.startTime + t.duration >= started).map((t) => t.duration));
  window.__result = { events: events.map((e) => ({ type: e.type, message: e.detail?.message, warnings: e.detail?.warnings?.length ?? 0 })), ms, longest, between, timedOut };
  return window.__result;
}

/** What went wrong in case `i`, as the reader sees it (after run(i) and a click on #ping). */
export async function judge(i, pings) {
  const c = CASES[i];
  const result = window.__result;
  const failures = [];
  const roots = [...document.querySelectorAll('#slot > *')].map((e) => e.shadowRoot).filter(Boolean);
  const types = new Set(result.events.map((e) => e.type));
  if (result.timedOut) failures.push(`no storycard:ready or storycard:error in ${DEADLINE_MS / 1000} s; the page's errors: ${JSON.stringify(window.__errors)}`);
  if (c.error) {
    const event = result.events.find((e) => e.type === 'storycard:error');
    if (!event) failures.push(`no storycard:error (${[...types]})`);
    else if (!c.error.test(event.message)) failures.push(`error "${event.message}" does not match ${c.error}`);
    if (!roots.some((r) => r.querySelector('[part~="error"]'))) failures.push('no notice for the reader');
  } else {
    if (types.size !== 1 || !types.has('storycard:ready')) failures.push(`events ${JSON.stringify(result.events).slice(0, 300)}`);
    failures.push(...c.ready(c.as === 'widgets' ? roots : roots[0]));
    if (c.warnings && !result.events.some((e) => e.warnings > 0)) failures.push('no warnings reported');
  }
  if (c.slices && result.between < 2) failures.push(`the page ran ${result.between} times while it rendered: not in slices`);
  if (Number(document.querySelector('#pings').textContent) !== pings) failures.push('the page did not answer a click');
  // The module still works.
  const host = document.createElement('div');
  document.querySelector('#slot').replaceChildren(host);
  const handle = await window.__mount(host, { data: { article: { headline: 'Still here' } }, pageDedupe: false });
  if (host.shadowRoot.querySelector('[part~="headline"]')?.textContent !== 'Still here') failures.push('the next widget did not render');
  handle.destroy();
  const event = result.events.find((e) => e.type === 'storycard:error');
  const row = `| ${c.name} | ${event ? `error: ${event.message.slice(0, 90)}` : `render (${result.events.reduce((n, e) => n + e.warnings, 0)} warnings)`} | ${result.ms.toFixed(0)} | ${result.longest.toFixed(0)} |`;
  return { failures: failures.map((f) => `${c.name}: ${f}`), row, timedOut: result.timedOut };
}

/** The README table's head. */
export const TABLE = ['| input | what the reader gets | ms to the event | longest task (ms) |', '|---|---|---:|---:|'];

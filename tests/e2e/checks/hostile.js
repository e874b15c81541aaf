// The hostile-input check, run in the page by any engine: every payload in every field the widget
// reads, rendered with mount(). Returns what went wrong (a script ran, an element or attribute
// the benign render of the same field does not have, an address that is not http(s)), the
// number of renders, and how many showed markup as text. tests/e2e/hostile.test.mjs (Chromium,
// Playwright) and tests/engines/ (Firefox and WebKit, WebDriver) run it.

/** Renders `payloads` (tests/fixtures/hostile/payloads.json) in every field. */
export async function hostile(payloads) {
  const { mount } = await import('/pkg/storycard.js');
  // The lone surrogate a UTF-8 file cannot hold.
  payloads.push({ kind: 'text', name: 'lone surrogate', value: `lone ${String.fromCharCode(0xd800)} surrogate` });
  const base = () => ({
    article: {
      headline: 'Harbour ferry returns',
      url: 'https://news.example/city/ferry',
      author: [{ name: 'Mara Lindqvist', url: 'https://news.example/author/mara' }],
      description: 'The council voted to bring back the ferry.',
      articleBody: ['The council voted to bring back the ferry.', 'Four vessels will run from June.'],
      articleSection: 'City',
      datePublished: '2025-04-02',
      image: { url: 'https://news.example/ferry.jpg', alt: 'The ferry', width: 1200, height: 675 },
    },
    relatedHeading: 'More on this',
    related: [
      { headline: 'Bridge deck to be rebuilt', url: 'https://news.example/city/bridge', description: 'Lane closures from July.', author: { name: 'Tomás Reyes', url: 'https://news.example/author/tomas' }, image: { url: 'https://news.example/bridge.jpg', alt: 'The bridge' } },
      { headline: 'Pier plans on show', url: 'https://news.example/city/pier' },
    ],
  });
  // Where each kind of payload goes: a path into the data, or an option.
  const TEXT = {
    headline: (d, v) => { d.article.headline = v; },
    author: (d, v) => { d.article.author[0].name = v; },
    description: (d, v) => { d.article.description = v; },
    body: (d, v) => { d.article.articleBody[1] = v; },
    section: (d, v) => { d.article.articleSection = v; },
    heading: (d, v) => { d.relatedHeading = v; },
    'image alt': (d, v) => { d.article.image.alt = v; },
    'related headline': (d, v) => { d.related[0].headline = v; },
    'related summary': (d, v) => { d.related[0].description = v; },
    'related author': (d, v) => { d.related[0].author.name = v; },
    'related image alt': (d, v) => { d.related[0].image.alt = v; },
    date: (d, v) => { d.article.datePublished = v; },
    'label option': (d, v, o) => { o.labels = { readMore: v, slide: v, prev: v }; },
    'lang option': (d, v, o) => { o.lang = v; },
  };
  const URLS = {
    'article url': (d, v) => { d.article.url = v; },
    'related url': (d, v) => { d.related[0].url = v; },
    'image url': (d, v) => { d.article.image.url = v; },
    'related image url': (d, v) => { d.related[0].image.url = v; },
    'author url': (d, v) => { d.article.author[0].url = v; },
  };
  // An element as its kind: tag, part and attribute names (values come from data).
  const signatures = (root) =>
    new Set([...root.querySelectorAll('*')].map((e) => `${e.localName}[${[...e.attributes].map((a) => a.name).sort().join(',')}]`));
  const host = document.createElement('div');
  document.body.append(host);
  const render = async (data, options = {}) => {
    const handle = await mount(host, { ...options, data, pageDedupe: false });
    const root = host.shadowRoot;
    const out = {
      signatures: signatures(root),
      text: root.textContent,
      addresses: [...root.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
      elements: root.querySelectorAll('*').length,
    };
    handle.destroy();
    return out;
  };
  const failures = [];
  let renders = 0;
  let shownAsText = 0;
  for (const [fields, kind] of [[TEXT, 'text'], [URLS, 'url']]) {
    for (const [field, place] of Object.entries(fields)) {
      const benign = base();
      const benignOptions = {};
      place(benign, kind === 'text' ? 'Plain words' : 'https://news.example/plain', benignOptions);
      const allowed = (await render(benign, benignOptions)).signatures;
      // A field left out is the widget's own choice too (a headline without an address is a
      // span, not a link).
      const without = base();
      place(without, undefined, {});
      for (const s of (await render(without)).signatures) allowed.add(s);
      for (const payload of payloads.filter((p) => p.kind === kind)) {
        const data = base();
        const options = {};
        place(data, payload.value, options);
        const got = await render(data, options);
        renders += 1;
        const where = `${payload.name} in ${field}`;
        if (window.__xss !== undefined) failures.push(`${where}: script ran (${window.__xss})`);
        delete window.__xss;
        for (const s of got.signatures) if (!allowed.has(s)) failures.push(`${where}: element ${s} not in the benign render`);
        for (const a of got.addresses) {
          const protocol = new URL(a, document.baseURI).protocol;
          if (protocol !== 'https:' && protocol !== 'http:') failures.push(`${where}: address ${a}`);
        }
        if (kind === 'text' && payload.value.includes('<') && got.text.includes('<')) shownAsText += 1;
      }
    }
  }
  return { failures, renders, shownAsText };
}

// The playground: a pasted page (or data island) in, the card, what the widget read and removed,
// its warnings and the lines that embed it out. The pasted HTML is parsed by DOMParser into a
// document of its own, which runs no script and no event handler, loads nothing, and whose
// styles apply to nothing here; the widget reads that document (mount()'s `page`).
import { mount } from '../pkg/storycard.js';
import initRender, { renderToString } from '../pkg/playground/storycard_render.js';
import { LABELS } from './vocabulary.js';

const $ = (id) => document.getElementById(id);
const form = $('input');
const textarea = $('page');

// A policy for the one string this page parses as HTML: the pasted page, into an inert document
// (pages that require Trusted Types refuse a plain string there).
const policy = window.trustedTypes?.createPolicy('storycard-playground', { createHTML: (html) => html });
const parse = (html) => new DOMParser().parseFromString(policy ? policy.createHTML(html) : html, 'text/html');

const rendering = initRender();

/** The fields of the read table: [the detail's name, the row's name]. */
const FIELDS = [
  ['headline', 'Headline'],
  ['author', 'Byline'],
  ['datePublished', 'Date'],
  ['image', 'Image'],
  ['description', 'Description'],
  ['articleSection', 'Section'],
  ['inLanguage', 'Language'],
  ['publisher', 'Publisher'],
  ['url', 'Address'],
];

/** Where a field came from, in words (the ready detail's `provenance`): the page's markup by
 * name, and any other name a meta tag's. */
const SOURCES = {
  'json-ld': 'JSON-LD',
  title: 'the page’s <title>',
  h1: 'the page’s <h1>',
  byline: 'a byline in the markup',
  signature: 'a signature in the markup',
  time: 'a <time> in the article',
  dateline: 'a dateline in the text',
  'url-path': 'the date in the page’s address',
  canonical: 'the canonical link',
  'html-lang': 'the page’s lang attribute',
};
const source = (name) => SOURCES[name] ?? `the ${name} meta tag`;

const REASONS = {
  'same-url': 'the same address',
  'same-headline': 'the same headline',
  'near-duplicate': 'a near duplicate',
  self: 'the article itself',
  'shown-elsewhere': 'shown by another widget',
};

// The label controls, one per word the widget says.
for (const [attribute, label] of LABELS) {
  const p = document.createElement('p');
  const name = document.createElement('label');
  name.htmlFor = `label-${label}`;
  name.textContent = attribute;
  const input = document.createElement('input');
  input.id = `label-${label}`;
  input.type = 'text';
  input.dataset.label = label;
  input.placeholder = 'the language’s';
  p.append(name, ' ', input);
  $('labels').append(p);
}

/** What the input is: nothing, data (JSON), a page with a data island, or a page to read. */
function classify(text) {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { kind: 'data', data: JSON.parse(trimmed) };
    } catch (error) {
      return { kind: 'invalid', message: `The data is not valid JSON: ${error.message}` };
    }
  }
  const doc = parse(text);
  const element = doc.querySelector('story-card');
  const selector = element?.getAttribute('source');
  if (selector) {
    let island = null;
    try {
      island = doc.querySelector(selector);
    } catch {
      return { kind: 'invalid', message: `The page’s <story-card> has source="${selector}", which is not a CSS selector.`, element };
    }
    if (island) {
      try {
        return { kind: 'island', data: JSON.parse(island.textContent), element };
      } catch (error) {
        return { kind: 'invalid', message: `The page’s data island (${selector}) is not valid JSON: ${error.message}`, element };
      }
    }
  }
  return { kind: 'page', doc, element };
}

/**
 * The data with its relative addresses resolved against the page's: the card is shown in this
 * page, whose own address a relative link or image would otherwise be read against. (The widget
 * in the article's page needs none of this.)
 */
function absolute(data, base) {
  const resolve = (url) => {
    try {
      return typeof url === 'string' && url.trim() ? new URL(url, base).href : url;
    } catch {
      return url;
    }
  };
  const image = (i) => (typeof i === 'string' ? resolve(i) : i && typeof i === 'object' && !Array.isArray(i) ? { ...i, url: resolve(i.url) } : i);
  const people = (a) => (Array.isArray(a) ? a.map(people) : a && typeof a === 'object' ? { ...a, url: resolve(a.url) } : a);
  const story = (s) => (s && typeof s === 'object' && !Array.isArray(s) ? { ...s, url: resolve(s.url), image: Array.isArray(s.image) ? s.image.map(image) : image(s.image), author: people(s.author) } : s);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  return { ...data, article: story(data.article), ...(Array.isArray(data.related) ? { related: data.related.map(story) } : {}) };
}

/** The controls take the pasted page's own <story-card> options. */
function adopt(element) {
  const attr = (name) => element?.getAttribute(name) ?? '';
  $('lang').value = attr('lang');
  $('max').value = attr('max') || '20';
  $('related').value = attr('related');
  $('near').checked = !['off', 'false'].includes(attr('near-duplicates'));
  $('autoplay').checked = !!element?.hasAttribute('autoplay');
  $('theme').value = ['light', 'dark'].includes(attr('theme')) ? attr('theme') : '';
  for (const input of $('labels').querySelectorAll('input')) {
    input.value = attr(LABELS.find(([, label]) => label === input.dataset.label)[0]);
  }
}

/** The options the controls say, as mount() takes them. */
function options() {
  const labels = {};
  for (const input of $('labels').querySelectorAll('input')) if (input.value.trim()) labels[input.dataset.label] = input.value;
  return {
    lang: $('lang').value.trim() || undefined,
    max: $('max').value === '' ? undefined : $('max').value,
    related: $('related').value.trim() || undefined,
    nearDuplicates: $('near').checked ? undefined : 'off',
    autoplay: $('autoplay').checked,
    labels,
    url: $('url').value.trim() || undefined,
  };
}

let handle = null;
let generation = 0;
let input = classify('');
let lastText = null;

/** Renders the card for the input and the options, and fills the tables from its ready event. */
async function render() {
  const run = ++generation;
  const text = textarea.value;
  if (text !== lastText) {
    lastText = text;
    input = classify(text);
    adopt(input.element);
  }
  handle?.destroy();
  handle = null;
  const host = document.createElement('div');
  host.className = 'card-host';
  if ($('theme').value) host.setAttribute('theme', $('theme').value);
  $('card').replaceChildren(host);
  if (input.kind === 'empty' || input.kind === 'invalid') {
    show(run, { error: input.kind === 'empty' ? 'Paste a page or its data to see the card.' : input.message });
    return;
  }
  const given = { ...options(), pageDedupe: false };
  if (input.kind === 'page') given.page = input.doc;
  else given.data = given.url ? absolute(input.data, given.url) : input.data;
  const settled = new Promise((done) => {
    host.addEventListener('storycard:ready', (e) => done({ detail: e.detail }), { once: true });
    host.addEventListener('storycard:error', (e) => done({ error: e.detail?.message ?? 'the widget failed' }), { once: true });
  });
  const mounted = mount(host, given).catch((error) => ({ failed: error }));
  const result = await settled;
  const made = await mounted;
  if (run !== generation) {
    made?.destroy?.();
    return;
  }
  handle = made?.destroy ? made : null;
  show(run, result, given);
}

/** Fills the status, the tables, the warnings and the snippets. */
async function show(run, { detail, error }, given) {
  $('status').textContent = error
    ? `The card could not be shown: ${error}`
    : `The card shows “${detail.article.headline}” and ${detail.related.length} related ${detail.related.length === 1 ? 'story' : 'stories'}.`;
  fillRead(detail);
  fillRemoved(detail);
  const warnings = (detail?.warnings ?? []).map((w) => `${w.path}: ${w.message}`);
  if (error) warnings.unshift(error);
  $('warnings').replaceChildren(...(warnings.length ? warnings : ['None.']).map((w) => item(w)));
  await fillEmbed(run, detail, given);
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function cell(tag, ...content) {
  const td = document.createElement(tag);
  td.append(...content);
  return td;
}

function link(url) {
  const code = document.createElement('code');
  code.textContent = url;
  return code;
}

function valueOf(article, field) {
  const value = article?.[field];
  if (value == null || (Array.isArray(value) && !value.length)) return null;
  if (field === 'author') return value.map((p) => p.name).join(', ');
  if (field === 'image') return [value.url, value.alt && `(“${value.alt}”)`].filter(Boolean).join(' ');
  if (field === 'datePublished') return value;
  return String(value);
}

function fillRead(detail) {
  const rows = FIELDS.map(([field, name]) => {
    const value = detail ? valueOf(detail.article, field) : null;
    const from = !value ? '—' : input.kind === 'page' ? source(detail.provenance?.[field] ?? 'the page') : input.kind === 'island' ? 'the page’s data island' : 'the data';
    const tr = document.createElement('tr');
    tr.append(cell('th', name), cell('td', value ?? 'not found'), cell('td', from));
    tr.firstChild.scope = 'row';
    return tr;
  });
  $('read').tBodies[0].replaceChildren(...rows);
}

function story(headline, url) {
  const parts = [document.createTextNode(headline)];
  if (url) parts.push(document.createElement('br'), link(url));
  return parts;
}

function fillRemoved(detail) {
  const removed = detail?.removed ?? [];
  const rows = removed.map((r) => {
    const kept = r.mergedInto === undefined ? null : detail.related[r.mergedInto];
    const why = REASONS[r.reason] ?? r.reason;
    const tr = document.createElement('tr');
    tr.dataset.reason = r.reason;
    tr.append(
      cell('td', ...story(r.headline, r.url)),
      cell('td', r.score === undefined || r.reason !== 'near-duplicate' ? why : `${why}, score ${r.score}`),
      cell('td', ...(kept ? story(kept.headline, kept.url) : [r.reason === 'self' ? 'the article' : '—'])),
    );
    return tr;
  });
  $('removed').tBodies[0].replaceChildren(...rows);
  const omitted = detail?.omitted ?? 0;
  $('removed-summary').textContent = !detail
    ? ''
    : `${removed.length} ${removed.length === 1 ? 'entry' : 'entries'} removed${omitted ? `, and ${omitted} more stories left out by “Most stories”` : ''}.`;
}

/** The element's attributes for the options the controls say. */
function attributes(given) {
  const attrs = [['source', '#article-data']];
  if (given.lang) attrs.push(['lang', given.lang]);
  if (given.max !== undefined && given.max !== '20') attrs.push(['max', given.max]);
  if (given.nearDuplicates === 'off') attrs.push(['near-duplicates', 'off']);
  if (given.autoplay) attrs.push(['autoplay', '']);
  if ($('theme').value) attrs.push(['theme', $('theme').value]);
  for (const [attribute, label] of LABELS) if (given.labels[label]) attrs.push([attribute, given.labels[label]]);
  const quote = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return attrs.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${quote(value)}"`)).join('');
}

async function fillEmbed(run, detail, given) {
  if (!detail) {
    for (const id of ['lines', 'island', 'ssr']) $(id).textContent = '';
    return;
  }
  const data = { article: detail.article, ...(detail.relatedHeading ? { relatedHeading: detail.relatedHeading } : {}), related: detail.related };
  // (inside a <script>, "<" is written as an escape: no "</script>" ends it early)
  const json = JSON.stringify(data, null, 2).replaceAll('<', '\\u003c');
  $('lines').textContent = `<story-card${attributes(given)}></story-card>\n<script type="module" src="/assets/storycard/storycard.js"></script>`;
  $('island').textContent = `<script type="application/json" id="article-data">\n${json}\n</script>`;
  try {
    await rendering;
    if (run !== generation) return;
    $('ssr').textContent = renderToString(data, { lang: given.lang, max: given.max, nearDuplicates: given.nearDuplicates, autoplay: given.autoplay, labels: given.labels, url: given.url, id: 'article-data' });
  } catch (error) {
    $('ssr').textContent = `renderToString could not render it: ${error.message}`;
  }
}

// Copy buttons.
for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const text = $(button.dataset.copy).textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      // (no clipboard: the text is selected, for the reader's own copy)
      getSelection().selectAllChildren($(button.dataset.copy));
      button.textContent = 'Selected';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
}

// Live: the card follows the input and the controls, 300 ms after the last change.
let timer = 0;
const later = () => {
  clearTimeout(timer);
  timer = setTimeout(render, 300);
};
form.addEventListener('input', later);
form.addEventListener('change', (e) => e.target.type !== 'file' && later());
form.addEventListener('submit', (e) => e.preventDefault());

/** Loads `text` as the input; `url`, when given, as the page's address (a file keeps the one typed). */
async function load(text, url) {
  textarea.value = text;
  if (url !== undefined) $('url').value = url;
  clearTimeout(timer);
  await render();
}

$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (file) await load(await file.text());
});
textarea.addEventListener('dragover', (e) => e.preventDefault());
textarea.addEventListener('drop', async (e) => {
  const file = e.dataTransfer?.files?.[0];
  if (!file) return;
  e.preventDefault();
  await load(await file.text());
});

const demo = async (path) => load(await (await fetch(new URL(path, import.meta.url))).text(), new URL(path, import.meta.url).href);
$('load-demo').addEventListener('click', () => demo('../index.html'));
$('load-article').addEventListener('click', () => demo('article.html'));

// The playground starts with the demo's own page.
window.__playground = { ready: demo('../index.html'), render: () => render() };

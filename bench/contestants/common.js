// What every JavaScript contestant shares: reading the data island, the dedupe (address keys
// without tracking parameters, www. or fragment; headline keys folded by Unicode NFKC and case;
// later repeats lend the fields the first lacks), and the story card, built by cloning templates
// (the fastest way js-framework-benchmark's vanilla entries build DOM). The carousel is each
// contestant's own.
const TRACKING = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/;

function urlKey(raw) {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const params = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort();
    const path = url.pathname.replace(/\/(index\.html?)?$/, '') || '/';
    return `${url.hostname.replace(/^(www|m|amp)\./, '')}${path}?${new URLSearchParams(params)}`;
  } catch {
    return null;
  }
}

const headlineKey = (h) =>
  h.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

const authors = (a) => (a == null ? [] : (Array.isArray(a) ? a : [a]).map((p) => (typeof p === 'string' ? p : p.name)).filter(Boolean));

/** The stories once each, in their first order, the article itself left out. */
export function dedupe(data) {
  const byKey = new Map();
  const out = [];
  const self = data.article.url && urlKey(data.article.url);
  for (const entry of data.related) {
    if (!entry?.headline) continue;
    const url = entry.url && urlKey(entry.url);
    if (url && url === self) continue;
    const keys = [url && `u:${url}`, `h:${headlineKey(entry.headline)}`].filter(Boolean);
    const first = keys.map((k) => byKey.get(k)).find(Boolean);
    if (first) {
      for (const field of ['url', 'description', 'datePublished', 'image']) first[field] ??= entry[field];
      if (!first.authors.length) first.authors = authors(entry.author);
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, first);
      continue;
    }
    const story = { ...entry, authors: authors(entry.author) };
    for (const k of keys) byKey.set(k, story);
    out.push(story);
  }
  return out;
}

const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const safe = (url) => (url && /^https?:\/\//i.test(url) ? url : null);

function template(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.firstElementChild;
}

const CARD = template(
  '<article part="card"><div class="content"><p part="section"></p><h2 part="headline"><a></a></h2>' +
    '<p class="meta"><span part="byline"></span><time part="date"></time></p><p part="lede"></p>' +
    '<div part="body" id="body" hidden></div><button part="more" type="button" aria-expanded="false" aria-controls="body">Read more</button></div></article>',
);
const SLIDE = template(
  '<div part="slide" role="group" aria-roledescription="slide"><h3 part="slide-title"><a></a></h3><p part="slide-summary"></p>' +
    '<p class="meta"><span part="slide-byline"></span><time part="slide-date"></time></p></div>',
);

/** The article card, with its "Read more" toggle. */
export function card(article) {
  const el = CARD.cloneNode(true);
  const [section, headline, meta, lede, body, more] = el.firstChild.children;
  section.textContent = article.articleSection ?? '';
  headline.firstChild.textContent = article.headline;
  const href = safe(article.url);
  if (href) headline.firstChild.href = href;
  meta.firstChild.textContent = authors(article.author).join(', ');
  meta.lastChild.dateTime = article.datePublished ?? '';
  meta.lastChild.textContent = article.datePublished ? date.format(new Date(article.datePublished)) : '';
  lede.textContent = article.description ?? '';
  for (const text of article.articleBody ?? []) body.appendChild(document.createElement('p')).textContent = text;
  more.addEventListener('click', () => {
    const open = body.hidden;
    body.hidden = !open;
    more.setAttribute('aria-expanded', open);
    more.textContent = open ? 'Show less' : 'Read more';
  });
  return el;
}

/** One related story's slide (`n` of `total`), as an element of `tag` with `classes`. */
export function slide(story, n, total, classes = '', tag) {
  let el = SLIDE.cloneNode(true);
  if (tag) {
    const other = document.createElement(tag);
    for (const { name, value } of el.attributes) other.setAttribute(name, value);
    other.append(...el.childNodes);
    el = other;
  }
  if (classes) el.className = classes;
  el.setAttribute('aria-label', `${n} of ${total}`);
  const [title, summary, meta] = el.children;
  title.firstChild.textContent = story.headline;
  const href = safe(story.url);
  if (href) title.firstChild.href = href;
  summary.textContent = story.description ?? '';
  meta.firstChild.textContent = story.authors.join(', ');
  meta.lastChild.dateTime = story.datePublished ?? '';
  meta.lastChild.textContent = story.datePublished ? date.format(new Date(story.datePublished)) : '';
  return el;
}

/** The related section around a carousel, with its heading and previous/next buttons. */
export function section(heading) {
  const el = template(
    '<section part="related" aria-roledescription="carousel" aria-labelledby="related-heading"><div class="head">' +
      '<h2 part="related-heading" id="related-heading"></h2><div id="controls"><button part="prev" type="button" aria-label="Previous stories"></button>' +
      '<button part="next" type="button" aria-label="Next stories"></button></div></div></section>',
  );
  el.querySelector('h2').textContent = heading;
  return el;
}

/** The data island, the stories once each, and the card and section already in `#app`. */
export function start() {
  const data = JSON.parse(document.getElementById('data').textContent);
  const stories = dedupe(data);
  const app = document.getElementById('app');
  const related = section(data.relatedHeading ?? 'Related stories');
  return { data, stories, app, related, card: card(data.article) };
}

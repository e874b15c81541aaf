// The words the crate and the element module share. Written from src/vocabulary.rs by
// `STORYCARD_BLESS=1 cargo test --test vocabulary`; tests/vocabulary.rs fails when they differ.

/** Element ids inside the shadow root. */
export const ID = Object.freeze({
  body: 'body',
  relatedHeading: 'related-heading',
  track: 'track',
  more: 'more',
  controls: 'controls',
  prev: 'prev',
  next: 'next',
  status: 'status',
  rotate: 'rotate',
  pager: 'pager',
});

/** `part` names. */
export const PART = Object.freeze({
  card: 'card',
  image: 'image',
  section: 'section',
  headline: 'headline',
  byline: 'byline',
  date: 'date',
  readingTime: 'reading-time',
  lede: 'lede',
  body: 'body',
  more: 'more',
  related: 'related',
  relatedHeading: 'related-heading',
  slide: 'slide',
  slideImage: 'slide-image',
  slideTitle: 'slide-title',
  slideSummary: 'slide-summary',
  slideByline: 'slide-byline',
  slideDate: 'slide-date',
  prev: 'prev',
  next: 'next',
  rotate: 'rotate',
  pager: 'pager',
  dot: 'dot',
  error: 'error',
  current: 'current',
  playing: 'playing',
});

/** `data-` attributes, as `dataset` keys. */
export const DATA = Object.freeze({
  less: 'less',
  more: 'more',
  play: 'play',
  pause: 'pause',
  page: 'page',
  count: 'count',
  view: 'storycardView',
});

/** The events a widget fires on its host. */
export const EVENT = Object.freeze({
  ready: 'storycard:ready',
  error: 'storycard:error',
  select: 'storycard:select',
  impression: 'storycard:impression',
});

/** The element's attributes: [attribute, option, how it is read ('text', 'flag' or 'flag-or-value')]. */
export const ATTRIBUTES = Object.freeze([
  ['source', 'source', 'text'],
  ['related', 'related', 'text'],
  ['hide-related', 'hideRelated', 'flag-or-value'],
  ['max', 'max', 'text'],
  ['lang', 'lang', 'text'],
  ['page-dedupe', 'pageDedupe', 'text'],
  ['near-duplicates', 'nearDuplicates', 'text'],
  ['debug', 'debug', 'flag'],
  ['autoplay', 'autoplay', 'flag-or-value'],
]);

/** The label attributes: [attribute, label]. */
export const LABELS = Object.freeze([
  ['label-related', 'related'],
  ['label-read-more', 'readMore'],
  ['label-read-less', 'readLess'],
  ['label-prev', 'prev'],
  ['label-next', 'next'],
  ['label-and', 'and'],
  ['label-slide', 'slide'],
  ['label-reading-time', 'readingTime'],
  ['label-slide-role', 'slideRole'],
  ['label-carousel-role', 'carouselRole'],
  ['label-unavailable', 'unavailable'],
  ['label-play', 'play'],
  ['label-pause', 'pause'],
]);

/** The languages (primary subtags) whose dates the crate writes itself, with no `Intl.DateTimeFormat`. */
export const DATE_LANGUAGES = Object.freeze(['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'vi', 'he', 'ja', 'zh', 'ko', 'ru', 'pl', 'tr', 'id', 'sv']);

/** The longest a slice of work may hold the main thread, in milliseconds. */
export const SLICE_MS = 10;

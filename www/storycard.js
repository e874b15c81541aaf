// storycard: the <story-card> element and mount(). Importing this module defines the element.
import init, { Widget } from './storycard_wasm.js';

let loading;

/** Compiles the WebAssembly module once (streaming, from next to this file unless `wasmUrl`). */
function load(wasmUrl) {
  loading ??= init(wasmUrl === undefined ? undefined : { module_or_path: wasmUrl });
  return loading;
}

function report(host, error) {
  const message = `the storycard module could not be loaded: ${error?.message ?? error}`;
  console.error(`storycard: ${message}`);
  host.dispatchEvent(
    new CustomEvent('storycard:error', { bubbles: true, composed: true, detail: { message } }),
  );
}

/**
 * The card's behaviour on a rendered shadow root: the "Read more" toggle, the carousel buttons,
 * and the buttons' state as the track scrolls or resizes. One click listener, one capturing scroll
 * listener and one ResizeObserver, all removed by the returned function.
 */
function behave(root) {
  const abort = new AbortController();
  const options = { signal: abort.signal };
  const el = (id) => root.getElementById(id);

  // Shows the buttons only when the slides overflow, and disables each at its end
  // (scrollLeft is negative in right-to-left).
  const refresh = () => {
    const track = el('track');
    if (!track) return;
    const offset = Math.abs(track.scrollLeft);
    const end = track.scrollWidth - track.clientWidth;
    el('controls').hidden = end <= 1;
    el('prev').setAttribute('aria-disabled', String(offset <= 1));
    el('next').setAttribute('aria-disabled', String(offset >= end - 1));
  };

  // Scrolls by the slides that are fully visible (at least one); CSS decides whether smoothly.
  const scroll = (forward) => {
    const track = el('track');
    const [first, second] = track.children;
    if (!first || (forward ? el('next') : el('prev')).getAttribute('aria-disabled') === 'true') return;
    const pitch = second
      ? Math.abs(second.getBoundingClientRect().left - first.getBoundingClientRect().left)
      : first.getBoundingClientRect().width;
    const step = Math.max(1, Math.floor(track.clientWidth / pitch + 0.05)) * pitch;
    const rtl = track.matches(':dir(rtl)');
    track.scrollBy({ left: forward !== rtl ? step : -step });
  };

  root.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (!button) return;
      if (button.id === 'more') {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? button.dataset.less : button.dataset.more;
        el('body').hidden = !open;
      } else if (button.id === 'prev' || button.id === 'next') {
        scroll(button.id === 'next');
      }
    },
    options,
  );
  root.addEventListener('scroll', refresh, { ...options, capture: true, passive: true });
  const resize = new ResizeObserver(refresh);
  const track = el('track');
  if (track) resize.observe(track);
  return () => {
    abort.abort();
    resize.disconnect();
  };
}

/** With `debug`, every render prints what dedupe removed, and why, as a table. */
function reportRemovals(host, debug) {
  const abort = new AbortController();
  if (debug) {
    host.addEventListener(
      'storycard:ready',
      ({ detail }) => console.table(detail.removed.map(({ position, headline, reason, mergedInto }) => ({ position, headline, reason, mergedInto }))),
      { signal: abort.signal },
    );
  }
  return abort;
}

/** What mount() resolves to. */
class Handle {
  #widget;
  #root;
  #unbehave;
  #report;

  constructor(host, root, options) {
    this.#report = reportRemovals(host, options.debug);
    this.#widget = new Widget(host, root, options);
    this.#root = root;
    this.#unbehave = behave(root);
  }

  /** Renders new data (the data-island JSON as an object). */
  update(data) {
    if (!this.#widget) return;
    this.#unbehave();
    this.#widget.update(data);
    this.#unbehave = behave(this.#root);
  }

  /** Removes every listener, observer and node the widget made. */
  destroy() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      this.#unbehave();
      this.#report.abort();
      widget.destroy();
      widget.free();
    }
  }
}

/**
 * Renders a story card into `host`'s shadow root.
 * @param {Element} host
 * @param {import('./storycard.js').MountOptions} [options]
 */
export async function mount(host, options = {}) {
  if (!(host instanceof Element)) throw new TypeError('storycard: mount() needs an element');
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  await load(options.wasmUrl);
  return new Handle(host, root, options);
}

/**
 * `<story-card source="#article-data" max="20" lang="en">`; `page-dedupe="off"` lets it repeat
 * stories other widgets on the page show; `debug` prints each render's removals as a table.
 */
export class StoryCardElement extends HTMLElement {
  static observedAttributes = ['source', 'max', 'lang', 'page-dedupe', 'debug'];

  #handle = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#handle) this.#render();
  }

  async #render() {
    const generation = ++this.#generation;
    try {
      await load();
    } catch (error) {
      report(this, error);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#handle?.destroy();
    const options = {
      source: this.getAttribute('source') ?? undefined,
      max: this.getAttribute('max') ?? undefined,
      lang: this.getAttribute('lang') ?? undefined,
      pageDedupe: this.getAttribute('page-dedupe') ?? undefined,
      debug: this.hasAttribute('debug'),
    };
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#handle = new Handle(this, root, options);
  }
}

if (!customElements.get('story-card')) customElements.define('story-card', StoryCardElement);

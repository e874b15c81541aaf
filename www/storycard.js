// storycard: the <story-card> element and mount(). Importing this module defines the element.
import * as core from './storycard_wasm.js';

const modules = new Map();

/**
 * Compiles a WebAssembly module once (streaming, from next to this file unless a URL is given):
 * the core module for widgets given their data, or the page module, which also reads the page
 * and is only fetched when a widget has no data.
 */
function load(page, wasmUrl) {
  let loading = modules.get(page);
  if (!loading) {
    loading = (page ? import('./storycard_page.js') : Promise.resolve(core)).then(async (bindings) => {
      await bindings.default(wasmUrl === undefined ? undefined : { module_or_path: wasmUrl });
      return bindings;
    });
    modules.set(page, loading);
  }
  return loading;
}

/** Whether a widget reads the page: it was given neither data nor a data island. */
const readsPage = (options) => options.data == null && !options.source;

/**
 * The stories the page's widgets show, as each widget's story keys: a widget skips what another
 * one shows, so a page with several widgets shows each story once. Kept on the document under a
 * global symbol, so that widgets of both WebAssembly modules, and of a second copy of this
 * module, share it.
 */
const shown = (document[Symbol.for('storycard.shown')] ??= new Map());
const takenBy = (handle) => new Set([...shown].flatMap(([other, keys]) => (other === handle ? [] : keys)));

function report(host, error) {
  const message = `the storycard module could not be loaded: ${error?.message ?? error}`;
  console.error(`storycard: ${message}`);
  host.dispatchEvent(
    new CustomEvent('storycard:error', { bubbles: true, composed: true, detail: { message } }),
  );
}

/**
 * The card's behaviour on a rendered shadow root: the "Read more" toggle, the carousel buttons and
 * keys, and the buttons' state as the track scrolls or resizes. Its listeners and its
 * ResizeObserver are all removed by the returned function.
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
    // (setAttribute writes a boolean as "true" or "false")
    el('prev').setAttribute('aria-disabled', offset <= 1);
    el('next').setAttribute('aria-disabled', offset >= end - 1);
  };

  // The first slide in view, and the distance from one slide to the next.
  const measure = (track) => {
    const [first, second] = track.children;
    const pitch = second
      ? Math.abs(second.getBoundingClientRect().left - first.getBoundingClientRect().left)
      : first.getBoundingClientRect().width;
    return [Math.round(Math.abs(track.scrollLeft) / pitch), pitch];
  };

  // Brings slide `to` to the start of the track (CSS decides whether smoothly), with focus on its
  // link when asked, and says where the reader is ("slide 3 of 8") in the polite live region:
  // only after a button or a key, never as the track scrolls by itself.
  const go = (to, focus) => {
    const slides = el('track').children;
    const slide = slides[Math.max(0, Math.min(slides.length - 1, to))];
    slide.scrollIntoView({ block: 'nearest', inline: 'start' });
    if (focus) (slide.querySelector('a') ?? ((slide.tabIndex = -1), slide)).focus({ preventScroll: true });
    el('status').textContent = `${slide.getAttribute('aria-roledescription')} ${slide.getAttribute('aria-label')}`;
  };

  // The buttons move by the slides that are fully visible (at least one).
  const scroll = (forward) => {
    const track = el('track');
    if ((forward ? el('next') : el('prev')).getAttribute('aria-disabled') === 'true') return;
    const [shown, pitch] = measure(track);
    const count = Math.max(1, Math.floor(track.clientWidth / pitch + 0.05));
    go(shown + (forward ? count : -count));
  };

  // Left and right arrows (mirrored right to left), Home and End move between slides while focus
  // is in the carousel.
  const key = (event) => {
    const track = el('track');
    if (!track || !event.target.closest?.('[part~="related"]') || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = track.matches(':dir(rtl)') ? -1 : 1;
    const current = event.target.closest('[role="group"]');
    const at = current ? [...track.children].indexOf(current) : measure(track)[0];
    const to = { ArrowRight: at + rtl, ArrowLeft: at - rtl, Home: 0, End: track.children.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to, true);
  };

  root.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (!button) return;
      if (button.id === 'more') {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', open);
        button.textContent = open ? button.dataset.less : button.dataset.more;
        el('body').hidden = !open;
      } else if (button.id === 'prev' || button.id === 'next') {
        scroll(button.id === 'next');
      }
    },
    options,
  );
  root.addEventListener('keydown', key, options);
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
  // The controller serves as the listener's options: they are read for its `signal`.
  if (debug) host.addEventListener('storycard:ready', ({ detail }) => console.table(detail.removed), abort);
  return abort;
}

/** What mount() resolves to. */
class Handle {
  #widget;
  #root;
  #unbehave;
  #report;
  #share;
  #hidden = [];

  constructor(bindings, host, root, options) {
    this.#report = reportRemovals(host, options.debug);
    this.#share = options.pageDedupe !== false && options.pageDedupe !== 'off';
    this.#widget = new bindings.Widget(host, root, { ...options, taken: this.#taken() });
    this.#root = root;
    this.#claim();
    this.#unbehave = behave(root);
    // The page's own related lists give way to the carousel once it has rendered.
    if (options.hideRelated && options.related && readsPage(options) && !root.querySelector('[part~="error"]')) {
      for (const el of host.ownerDocument.querySelectorAll(options.related)) {
        if (!el.hidden && !el.contains(host)) {
          el.hidden = true;
          this.#hidden.push(el);
        }
      }
    }
  }

  #taken() {
    return this.#share ? takenBy(this) : undefined;
  }

  #claim() {
    if (this.#share) shown.set(this, this.#widget.keys());
  }

  /** Renders new data (the data-island JSON as an object). */
  update(data) {
    if (!this.#widget) return;
    this.#unbehave();
    this.#widget.update(data, this.#taken());
    this.#claim();
    this.#unbehave = behave(this.#root);
  }

  /** Removes every listener, observer and node the widget made, and shows what it hid. */
  destroy() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      shown.delete(this);
      this.#unbehave();
      this.#report.abort();
      for (const el of this.#hidden.splice(0)) el.hidden = false;
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
  const page = readsPage(options);
  const bindings = await load(page, page ? options.pageWasmUrl : options.wasmUrl);
  return new Handle(bindings, host, root, options);
}

/**
 * `<story-card source="#article-data" max="20" lang="en">`, in `:state(ready)` once rendered.
 * Without `source` it reads the page:
 * JSON-LD, meta tags, the links inside it, and the related lists that `related` selects (which
 * `hide-related` hides once the carousel shows). `page-dedupe="off"` lets it repeat stories other
 * widgets on the page show; `debug` prints each render's removals as a table.
 */
export class StoryCardElement extends HTMLElement {
  static observedAttributes = ['source', 'related', 'hide-related', 'max', 'lang', 'page-dedupe', 'debug'];

  #handle = null;
  #generation = 0;
  /** `:state(ready)` once the card is in the shadow root, for the page's CSS to stop reserving space. */
  #states = this.attachInternals().states;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#handle?.destroy();
    this.#handle = null;
    this.#states?.delete('ready');
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#handle) this.#render();
  }

  async #render() {
    const generation = ++this.#generation;
    const options = {
      source: this.getAttribute('source') ?? undefined,
      related: this.getAttribute('related') ?? undefined,
      hideRelated: this.hasAttribute('hide-related'),
      max: this.getAttribute('max') ?? undefined,
      lang: this.getAttribute('lang') ?? undefined,
      pageDedupe: this.getAttribute('page-dedupe') ?? undefined,
      debug: this.hasAttribute('debug'),
    };
    let bindings;
    try {
      bindings = await load(readsPage(options));
    } catch (error) {
      report(this, error);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#handle?.destroy();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#handle = new Handle(bindings, this, root, options);
    this.#states?.add('ready');
  }
}

if (!customElements.get('story-card')) customElements.define('story-card', StoryCardElement);

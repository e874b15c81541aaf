// storycard: the <story-card> element and mount(). Importing this module defines the element.
import * as core from './storycard_wasm.js';

const modules = new Map();

/**
 * Compiles a WebAssembly module once (streaming, from next to this file unless a URL is given):
 * the core module for widgets given their data, or the page module, which also reads the page
 * and finds near duplicates, and is only fetched for a widget that needs one of the two.
 */
function load(page, wasmUrl) {
  let loading = modules.get(page);
  if (!loading) {
    loading = (page ? import('./storycard_page.js') : Promise.resolve(core)).then(async (bindings) => {
      await bindings.default(wasmUrl === undefined ? undefined : { module_or_path: wasmUrl });
      return bindings;
    });
    modules.set(page, loading);
    // A failure is not kept: the next widget tries again.
    loading.catch(() => modules.delete(page));
    warmDates();
  }
  return loading;
}

/**
 * Makes the page's first `Intl.DateTimeFormat` in a task of its own, while the WebAssembly
 * module is fetched and compiled. The first one a page makes loads the browser's date and time
 * zone data: 12 to 45 ms in Chromium, usually 15 to 25 (measured on fresh pages), which would
 * otherwise lengthen the render's task.
 */
let warmed = false;
function warmDates() {
  if (warmed) return;
  warmed = true;
  pause().then(() => {
    try {
      new Intl.DateTimeFormat();
    } catch {
      // (no Intl: the widget's dates fall back as they would anyway)
    }
  });
}

/** Whether a widget reads the page: it was given neither data nor a data island. */
const readsPage = (options) => options.data == null && !options.source;

/** Whether a widget needs the page module: it reads the page. */
const needsPageModule = readsPage;

/**
 * The stories the page's widgets show, as each widget's story keys: a widget skips what another
 * one shows, so a page with several widgets shows each story once. Kept on the document under a
 * global symbol, so that widgets of both WebAssembly modules, and of a second copy of this
 * module, share it.
 */
const shown = (document[Symbol.for('storycard.shown')] ??= new Map());
const takenBy = (handle) => new Set([...shown].flatMap(([other, keys]) => (other === handle ? [] : keys)));

/** Fires a widget event on its host; returns false when a listener cancelled it. */
const fire = (host, type, detail, cancelable) =>
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));

function report(host, error, what = 'the storycard module could not be loaded') {
  const message = `${what}: ${error?.message ?? error}`;
  console.error(`storycard: ${message}`);
  fire(host, 'storycard:error', { message });
}

/**
 * Gives the page's other tasks their turn between two slices of a render: a message queues behind
 * the tasks already waiting (`scheduler.yield()` would go ahead of them, and `setTimeout` waits
 * at least 4 ms once nested).
 */
const pause = () =>
  new Promise((done) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = done;
    port2.postMessage(0);
  });

/**
 * Spreads many widgets over several tasks: the first widget of a task opens a 10 ms window, and a
 * widget that comes after it has closed waits for a later task. One widget renders at once.
 */
let sliceEnds = 0;
async function turn() {
  while (sliceEnds && performance.now() > sliceEnds) await pause();
  if (!sliceEnds) {
    sliceEnds = performance.now() + 10;
    pause().then(() => {
      sliceEnds = 0;
    });
  }
}

/** The seconds between two rotations when `autoplay` gives no number. */
const ROTATION = 5;

/**
 * The card's behaviour on a rendered shadow root: the "Read more" toggle, the carousel buttons,
 * keys and pager, the buttons' state as the track scrolls or resizes, and the opt-in rotation.
 * Opening a related story and seeing one are told through `tell(type, position, cancelable)`.
 * Its listeners, its observers and its timers are all removed by the returned function.
 */
function behave(root, autoplay, tell) {
  const abort = new AbortController();
  const options = { signal: abort.signal };
  const el = (id) => root.getElementById(id);
  const track = el('track');
  const rotate = el('rotate');
  let timer = 0;
  let resize;

  // The first slide in view, the distance from one slide to the next, and how many slides are
  // fully in view (at least one).
  const measure = () => {
    const [first, second] = track.children;
    const pitch = second
      ? Math.abs(second.getBoundingClientRect().left - first.getBoundingClientRect().left)
      : first.getBoundingClientRect().width;
    return [Math.round(Math.abs(track.scrollLeft) / pitch), pitch, Math.max(1, Math.floor(track.clientWidth / pitch + 0.05))];
  };

  // Shows the buttons and the pager only when the slides overflow, disables each button at its
  // end (scrollLeft is negative in right-to-left), and marks the page in view: a dot per page
  // (the view made them, hidden), or "2 / 14" past ten pages. No node is added or removed.
  const refresh = () => {
    const offset = Math.abs(track.scrollLeft);
    const end = track.scrollWidth - track.clientWidth;
    const pager = el('pager');
    const dots = [...pager.children];
    el('controls').hidden = end <= 1;
    // (setAttribute writes a boolean as "true" or "false")
    el('prev').setAttribute('aria-disabled', offset <= 1);
    el('next').setAttribute('aria-disabled', offset >= end - 1);
    // (hidden, the dots leave the pager its height: nothing below moves)
    let total = 0;
    let page = 0;
    if (end > 1) {
      const [at, , count] = measure();
      total = Math.ceil(track.children.length / count);
      page = offset >= end - 1 ? total - 1 : Math.min(total - 1, Math.round(at / count));
    }
    const counted = total > dots.length;
    if (counted) pager.dataset.count = `${page + 1} / ${total}`;
    else delete pager.dataset.count;
    for (const dot of dots) {
      dot.hidden = counted || dot.dataset.page >= total;
      dot.part = dot.dataset.page == page ? 'dot current' : 'dot';
    }
  };

  // Brings slide `to` to the start of the track (CSS decides whether smoothly). From a button or
  // a key (`say`), it says where the reader is ("slide 3 of 8") in the polite live region, and
  // brings the carousel into view; with `focus`, focus moves to the slide's link. The rotation
  // says nothing and scrolls the track alone.
  const go = (to, say, focus) => {
    const slides = track.children;
    const slide = slides[Math.max(0, Math.min(slides.length - 1, to))];
    if (say) {
      slide.scrollIntoView({ block: 'nearest', inline: 'start' });
      el('status').textContent = `${slide.getAttribute('aria-roledescription')} ${slide.getAttribute('aria-label')}`;
    } else {
      const edge = track.matches(':dir(rtl)') ? 'right' : 'left';
      track.scrollBy({ left: slide.getBoundingClientRect()[edge] - track.getBoundingClientRect()[edge] });
    }
    if (focus) (slide.querySelector('a') ?? ((slide.tabIndex = -1), slide)).focus({ preventScroll: true });
  };

  // The buttons move by the slides that are fully visible; the rotation starts over at the end.
  const scroll = (forward, say) => {
    if ((forward ? el('next') : el('prev')).getAttribute('aria-disabled') === 'true') {
      if (!say) go(0);
      return;
    }
    const [at, , count] = measure();
    go(at + (forward ? count : -count), say);
  };

  // The rotation: off unless asked for, and with reduced motion; once stopped, by the button,
  // a pointer over the carousel, focus in it or any interaction, it stays stopped until the
  // button starts it again.
  const play = (on) => {
    clearInterval(timer);
    timer = on ? setInterval(() => scroll(true), 1000 * (autoplay > 0 ? autoplay : ROTATION)) : 0;
    if (rotate) {
      rotate.setAttribute('aria-label', on ? rotate.dataset.pause : rotate.dataset.play);
      rotate.part = on ? 'rotate playing' : 'rotate';
    }
  };
  // (The rotation button itself does not stop it: it says what a press does.)
  const stop = (event) => {
    if (timer && event.target !== rotate) play(false);
  };

  // Left and right arrows (mirrored right to left), Home and End move between slides while focus
  // is in the carousel.
  const key = (event) => {
    if (!event.target.closest?.('[part~="related"]') || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = track.matches(':dir(rtl)') ? -1 : 1;
    const current = event.target.closest('[role="group"]');
    const at = current ? [...track.children].indexOf(current) : measure()[0];
    const to = { ArrowRight: at + rtl, ArrowLeft: at - rtl, Home: 0, End: track.children.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to, true, true);
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
      } else if (button === rotate) {
        play(!timer);
      } else if (button.id === 'prev' || button.id === 'next') {
        scroll(button.id === 'next', true);
      } else if (button.dataset.page) {
        go(button.dataset.page * measure()[2], true);
      }
    },
    options,
  );
  root.addEventListener('keydown', key, options);

  // A reader opens a related story: `storycard:select`, which a single-page app may cancel to
  // route instead. Only a plain click is cancelable; one that opens a new tab or window is told
  // as it happens.
  const open = (event) => {
    const slide = event.target.closest?.('[part~="slide-title"] a')?.closest('[part~="slide"]');
    if (!slide || event.button > 1) return;
    const plain = event.type === 'click' && !event.button && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (!tell('storycard:select', [...track.children].indexOf(slide), plain)) event.preventDefault();
  };
  root.addEventListener('click', open, options);
  root.addEventListener('auxclick', open, options);

  // A related slide at least half in view for one second, in a visible tab (the IAB's
  // viewability): `storycard:impression`.
  const timers = new Map();
  const seen = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        clearTimeout(timers.get(target));
        const count = () => {
          if (document.hidden) return timers.set(target, setTimeout(count, 1000));
          seen.unobserve(target);
          tell('storycard:impression', [...track.children].indexOf(target));
        };
        if (isIntersecting) timers.set(target, setTimeout(count, 1000));
      }
    },
    { threshold: 0.5 },
  );
  // (a server-rendered card shows "Read more" only once it works)
  if (el('more')) el('more').hidden = false;
  if (track) {
    for (const slide of track.children) seen.observe(slide);
    root.addEventListener('scroll', refresh, { ...options, capture: true, passive: true });
    for (const type of ['pointerover', 'pointerdown', 'focusin', 'keydown', 'wheel', 'touchstart']) {
      track.parentNode.addEventListener(type, stop, { ...options, passive: true });
    }
    resize = new ResizeObserver(refresh);
    resize.observe(track);
    play(autoplay && !matchMedia('(prefers-reduced-motion: reduce)').matches);
  }
  return () => {
    abort.abort();
    resize?.disconnect();
    seen.disconnect();
    clearInterval(timer);
    for (const t of timers.values()) clearTimeout(t);
  };
}

/**
 * Hands each render's ready detail to `ready`; with `debug`, also prints what dedupe removed, and
 * why, as a table.
 */
function watch(host, debug, ready) {
  const abort = new AbortController();
  host.addEventListener(
    'storycard:ready',
    ({ target, detail }) => {
      if (target !== host) return;
      ready(detail);
      if (debug) console.table(detail.removed);
    },
    // The controller serves as the listener's options: they are read for its `signal`.
    abort,
  );
  return abort;
}

/** What mount() resolves to. */
class Handle {
  #widget;
  #root;
  #report;
  #share;
  #autoplay;
  #host;
  #options;
  /** Counts renders, so that a render an update replaced stops. */
  #runs = 0;
  #unbehave = () => {};
  #hidden = [];
  /** The related stories shown, as the ready event gave them. */
  #related = [];
  /** The stories an impression was told for, by address or headline: once per story per mount. */
  #impressed = new Set();
  #tell;
  /** What the widget's constructor threw, if it did. */
  #failure;

  constructor(bindings, host, root, options) {
    this.#report = watch(host, options.debug, (detail) => {
      this.#related = detail.related;
    });
    this.#tell = (type, position, cancelable) => {
      const story = this.#related[position];
      if (!story) return true;
      if (type === 'storycard:impression') {
        const key = story.url ?? story.headline;
        if (this.#impressed.has(key)) return true;
        this.#impressed.add(key);
      }
      return fire(host, type, { story, position }, cancelable);
    };
    this.#share = options.pageDedupe !== false && options.pageDedupe !== 'off';
    this.#host = host;
    this.#options = options;
    this.#root = root;
    this.#autoplay = options.autoplay;
    try {
      this.#widget = new bindings.Widget(host, root, { ...options, taken: this.#taken() });
    } catch (error) {
      this.#failure = error;
    }
  }

  /**
   * Finishes the render the widget started, a slice of at most 10 ms per task (a long related
   * list never holds the page), then claims its stories and gives the card its behaviour.
   * Resolves false when the widget was destroyed or updated meanwhile.
   */
  async run() {
    const widget = this.#widget;
    const run = ++this.#runs;
    try {
      if (this.#failure) throw this.#failure;
      if (!widget) return false;
      while (!widget.step(this.#taken())) {
        await pause();
        if (this.#widget !== widget || run !== this.#runs) return false;
      }
    } catch (error) {
      this.#break(error);
      return false;
    }
    // What the render no longer needs is freed in the tasks that follow (a long list's indexes).
    (async () => {
      while (this.#widget === widget && run === this.#runs && !widget.step()) await pause();
    })().catch((error) => console.error('storycard:', error));
    this.#claim();
    this.#unbehave = behave(this.#root, this.#autoplay, this.#tell);
    // The page's own related lists give way to the carousel once it has rendered.
    const options = this.#options;
    if (options.hideRelated && options.related && readsPage(options) && !this.#hidden.length && !this.#root.querySelector('[part~="error"]')) {
      // (`hideRelated` as a selector hides only the containers it matches)
      const only = typeof options.hideRelated === 'string' ? options.hideRelated : '*';
      for (const el of this.#host.ownerDocument.querySelectorAll(options.related)) {
        if (!el.hidden && !el.contains(this.#host) && el.matches(only)) {
          el.hidden = true;
          this.#hidden.push(el);
        }
      }
    }
    return true;
  }

  #taken() {
    return this.#share ? takenBy(this) : undefined;
  }

  #claim() {
    if (this.#share) shown.set(this, this.#widget.keys());
  }

  /** Renders new data (the data-island JSON as an object); resolves once it is shown. */
  async update(data) {
    if (!this.#widget) return;
    this.#unbehave();
    this.#unbehave = () => {};
    try {
      this.#widget.update(data);
    } catch (error) {
      this.#failure = error;
    }
    await this.run();
  }

  /** Removes every listener, observer and node the widget made, and shows what it hid. */
  destroy() {
    const widget = this.#stop();
    widget?.destroy();
    widget?.free();
  }

  /** Stops listening, gives up the widget's stories and shows what it hid; returns the widget. */
  #stop() {
    const widget = this.#widget;
    this.#widget = null;
    shown.delete(this);
    this.#unbehave();
    this.#report.abort();
    for (const el of this.#hidden.splice(0)) el.hidden = false;
    return widget;
  }

  /**
   * A failure inside the widget, not in its data: a trap in the WebAssembly module (a bug), or an
   * exception from the page's own JavaScript it called (a built-in the page replaced with a
   * broken one). Said as `storycard:error`; the widget is not called again (its state may be
   * half-changed), and the host's own content shows again, through a slot.
   */
  #break(error) {
    this.#stop();
    this.#root.replaceChildren(document.createElement('slot'));
    report(this.#host, error, 'the widget failed');
  }
}

/**
 * Renders a story card into `host`'s shadow root.
 * @param {Element} host
 * @param {import('./storycard.js').MountOptions} [options]
 */
export async function mount(host, options = {}) {
  if (!(host instanceof Element)) throw new TypeError('storycard: mount() needs an element');
  const page = needsPageModule(options);
  let bindings;
  try {
    bindings = await load(page, page ? options.pageWasmUrl : options.wasmUrl);
  } catch (error) {
    // (the host's own content stays: no shadow root hides it)
    report(host, error);
    throw error;
  }
  await turn();
  // (a shadow root the server rendered is taken over, not built again)
  const hydrate = !!host.shadowRoot?.firstElementChild;
  const handle = new Handle(bindings, host, host.shadowRoot ?? host.attachShadow({ mode: 'open' }), { ...options, hydrate });
  await handle.run();
  return handle;
}

/** The widget's words a page can replace: `label-read-more` sets the `labels` option's `readMore`. */
const LABELS = ['related', 'read-more', 'read-less', 'prev', 'next', 'and', 'slide', 'reading-time',
  'slide-role', 'carousel-role', 'unavailable', 'play', 'pause'].map((name) => `label-${name}`);

/**
 * `<story-card source="#article-data" max="20" lang="en">`, in `:state(ready)` once rendered.
 * Without `source` it reads the page:
 * JSON-LD, meta tags, the links inside it, and the related lists that `related` selects (which
 * `hide-related` hides once the carousel shows; `hide-related=".most-read"`, those it matches). `page-dedupe="off"` lets it repeat stories other
 * widgets on the page show; `near-duplicates="off"` keeps reworded and syndicated copies of a
 * story (only exact repeats go); `debug` prints each render's removals as a table; `autoplay` (or
 * `autoplay="8"`, in seconds) rotates the slides until the reader stops it; `label-*` replace the
 * widget's words.
 */
export class StoryCardElement extends HTMLElement {
  static observedAttributes = ['source', 'related', 'hide-related', 'max', 'lang', 'page-dedupe', 'near-duplicates', 'debug', 'autoplay', ...LABELS];

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
      hideRelated: this.hasAttribute('hide-related') && (this.getAttribute('hide-related') || true),
      max: this.getAttribute('max') ?? undefined,
      lang: this.getAttribute('lang') ?? undefined,
      pageDedupe: this.getAttribute('page-dedupe') ?? undefined,
      nearDuplicates: this.getAttribute('near-duplicates') ?? undefined,
      debug: this.hasAttribute('debug'),
      autoplay: this.hasAttribute('autoplay') && (Number(this.getAttribute('autoplay')) || true),
      labels: Object.fromEntries(
        LABELS.filter((name) => this.hasAttribute(name)).map((name) => [
          name.slice(6).replace(/-(.)/g, (_, c) => c.toUpperCase()),
          this.getAttribute(name),
        ]),
      ),
    };
    let bindings;
    try {
      bindings = await load(needsPageModule(options));
    } catch (error) {
      report(this, error);
      return;
    }
    await turn();
    if (generation !== this.#generation || !this.isConnected) return;
    // (a shadow root the server rendered is taken over by the first render, not built again)
    const hydrate = !this.#handle && !!this.shadowRoot?.firstElementChild;
    this.#handle?.destroy();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const handle = (this.#handle = new Handle(bindings, this, root, { ...options, hydrate }));
    if ((await handle.run()) && this.#handle === handle) this.#states?.add('ready');
  }
}

if (!customElements.get('story-card')) customElements.define('story-card', StoryCardElement);

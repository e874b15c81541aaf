// storycard: the <story-card> element and mount(). Importing this module defines the element.
// (Bundled with element/ and vocabulary.js into pkg/storycard.js by scripts/build.sh.)
import { Handle } from './element/handle.js';
import { report } from './element/events.js';
import { behaveEarly } from './element/carousel.js';
import { load, loadBehaviour, needsPageModule } from './element/load.js';
export { wasmMemory } from './element/load.js';
import { turn } from './element/schedule.js';
import { ATTRIBUTES, LABELS } from './vocabulary.js';

/**
 * Renders a story card into `host`'s shadow root.
 * @param {Element} host
 * @param {import('./storycard.js').MountOptions} [options]
 */
export async function mount(host, options = {}) {
  if (!(host instanceof Element)) throw new TypeError('storycard: mount() needs an element');
  const page = needsPageModule(options);
  // (a shadow root the server rendered is taken over, not built again, and works meanwhile)
  const hydrate = !!host.shadowRoot?.firstElementChild;
  const early = hydrate ? behaveEarly(host.shadowRoot, options.autoplay, loadBehaviour) : undefined;
  let bindings;
  try {
    bindings = await load(page, page ? options.pageWasmUrl : options.wasmUrl);
  } catch (error) {
    // (the host's own content stays: no shadow root hides it)
    early?.stop();
    report(host, error);
    throw error;
  }
  await turn();
  const handle = new Handle(bindings, host, host.shadowRoot ?? host.attachShadow({ mode: 'open' }), { ...options, hydrate, early });
  await handle.run();
  return handle;
}

/**
 * The options an element's attributes give, by the crate's vocabulary (src/vocabulary.rs): an
 * attribute's value as it is, a flag as whether it is present, a flag with a value (`autoplay="8"`,
 * `hide-related=".most-read"`) as its value or `true`; and the `label-*` attributes as `labels`.
 */
function optionsOf(element) {
  const options = {};
  for (const [attribute, option, kind] of ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    options[option] = kind === 'text' ? (value ?? undefined) : value !== null && (kind === 'flag' || value || true);
  }
  options.labels = Object.fromEntries(LABELS.filter(([attribute]) => element.hasAttribute(attribute)).map(([attribute, label]) => [label, element.getAttribute(attribute)]));
  return options;
}

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
  static observedAttributes = [...ATTRIBUTES.map(([attribute]) => attribute), ...LABELS.map(([attribute]) => attribute)];

  #handle = null;
  #generation = 0;
  /** A server-rendered card's early behaviour, until the first render gives its own. */
  #early = null;
  /** `:state(ready)` once the card is in the shadow root, for the page's CSS to stop reserving space. */
  #states = this.attachInternals().states;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#early?.stop();
    this.#handle?.destroy();
    this.#handle = null;
    this.#states?.delete('ready');
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#handle) this.#render();
  }

  async #render() {
    const generation = ++this.#generation;
    const options = optionsOf(this);
    // (a server-rendered card works before the widget's module has loaded: see behaveEarly)
    if (!this.#handle && !this.#early && this.shadowRoot?.firstElementChild) {
      this.#early = behaveEarly(this.shadowRoot, options.autoplay, loadBehaviour);
    }
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
    const handle = (this.#handle = new Handle(bindings, this, root, { ...options, hydrate, early: hydrate ? this.#early : undefined }));
    if ((await handle.run()) && this.#handle === handle) this.#states?.add('ready');
  }
}

if (!customElements.get('story-card')) customElements.define('story-card', StoryCardElement);

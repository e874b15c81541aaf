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

/** What mount() resolves to. */
class Handle {
  #widget;

  constructor(widget) {
    this.#widget = widget;
  }

  /** Renders new data (the data-island JSON as an object). */
  update(data) {
    this.#widget?.update(data);
  }

  /** Removes every listener, observer and node the widget made. */
  destroy() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
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
  return new Handle(new Widget(host, root, options));
}

/** `<story-card source="#article-data" max="20" lang="en">` */
export class StoryCardElement extends HTMLElement {
  static observedAttributes = ['source', 'max', 'lang'];

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
    };
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#handle = new Handle(new Widget(this, root, options));
  }
}

if (!customElements.get('story-card')) customElements.define('story-card', StoryCardElement);

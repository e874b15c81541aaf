// One widget: its render in slices, its stories in the page's shared list, its behaviour, and
// what it hid.
import { EVENT, PART } from '../vocabulary.js';
import { measure } from './analytics.js';
import { behave } from './carousel.js';
import { fire, report, watch } from './events.js';
import { readsPage } from './load.js';
import { pause } from './schedule.js';

/**
 * The stories the page's widgets show, as each widget's story keys: a widget skips what another
 * one shows, so a page with several widgets shows each story once. Kept on the document under a
 * global symbol, so that widgets of both WebAssembly modules, and of a second copy of this
 * module, share it.
 */
const shown = (document[Symbol.for('storycard.shown')] ??= new Map());
const takenBy = (handle) => new Set([...shown].flatMap(([other, keys]) => (other === handle ? [] : keys)));

/** What mount() resolves to. */
export class Handle {
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
  /** The stories an impression was told for, by address or headline: once per story per mount. */
  #impressed = new Set();
  #tell;
  /** What the widget's constructor threw, if it did. */
  #failure;
  /** The module's bindings. */
  #bindings;

  constructor(bindings, host, root, options) {
    this.#bindings = bindings;
    this.#report = watch(host, options.debug);
    // (the story told of is made when it is told: the widget keeps the stories it shows, and
    // this module holds no second copy of the list for the widget's life)
    this.#tell = (type, position, cancelable) => {
      const story = this.#widget?.related(position);
      if (!story) return true;
      if (type === EVENT.impression) {
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
    // (a server-rendered card's early behaviour gives way to the widget's own)
    this.#options.early?.stop();
    const unbehave = behave(this.#root, this.#autoplay, this.#bindings);
    const unmeasure = measure(this.#root, this.#tell);
    this.#unbehave = () => {
      unbehave();
      unmeasure();
    };
    // The page's own related lists give way to the carousel once it has rendered.
    const options = this.#options;
    if (options.hideRelated && options.related && readsPage(options) && !options.page && !this.#hidden.length && !this.#root.querySelector(`[part~="${PART.error}"]`)) {
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
    this.#options.early?.stop();
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

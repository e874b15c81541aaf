// Loading the WebAssembly modules: the core one for widgets given their data, the page one for
// widgets that read the page. (The import paths are the package's: this file is bundled into
// pkg/storycard.js, next to the modules, with the core module's bindings, `storycard_wasm`,
// bundled in: scripts/build.sh.)
import * as core from 'storycard_wasm';
import { pause } from './schedule.js';
import { DATE_LANGUAGES } from '../vocabulary.js';

const modules = new Map();

/**
 * Compiles a WebAssembly module once (streaming, from next to this file unless a URL is given):
 * the core module for widgets given their data, or the page module, which also reads the page
 * and finds near duplicates, and is only fetched for a widget that needs one of the two.
 */
export function load(page, wasmUrl) {
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
 * The WebAssembly memory of the module that widgets given their data use (with `page`, of the
 * one for widgets that read the page), loaded if no widget has loaded it yet: what the widgets
 * hold, for a page that measures it.
 */
export const wasmMemory = async (page = false) => (await (await load(page)).default()).memory;

/**
 * The module with the carousel's arithmetic alone (`storycard_behaviour`, a few KB), compiled
 * once: a server-rendered card gets its behaviour from it while the widget's module loads.
 */
let behaviour;
export function loadBehaviour() {
  if (!behaviour) {
    behaviour = import('./storycard_behaviour.js').then(async (bindings) => {
      await bindings.default();
      return bindings;
    });
    behaviour.catch(() => {
      behaviour = undefined;
    });
  }
  return behaviour;
}

/**
 * Makes the page's first `Intl.DateTimeFormat` in a task of its own, while the WebAssembly
 * module is fetched and compiled, when the page's language is one whose dates the crate does not
 * write itself (DATE_LANGUAGES; in those, a page makes no formatter at all). The first one a page
 * makes loads the browser's date and time zone data: 13 to 26 ms in Chromium here, which would
 * otherwise lengthen the render's task.
 */
let warmed = false;
function warmDates() {
  if (warmed) return;
  warmed = true;
  const lang = (document.documentElement.lang || navigator.language || '').toLowerCase();
  if (DATE_LANGUAGES.includes(lang.split(/[-_]/)[0])) return;
  pause().then(() => {
    try {
      new Intl.DateTimeFormat();
    } catch {
      // (no Intl: the widget's dates fall back as they would anyway)
    }
  });
}

/** Whether a widget reads the page: it was given neither data nor a data island. */
export const readsPage = (options) => options.data == null && !options.source;

/** Whether a widget needs the page module: it reads the page. */
export const needsPageModule = readsPage;

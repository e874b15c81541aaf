// The widget's events on its host element.
import { EVENT } from '../vocabulary.js';

/** Fires a widget event on its host; returns false when a listener cancelled it. */
export const fire = (host, type, detail, cancelable) =>
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));

export function report(host, error, what = 'the storycard module could not be loaded') {
  const message = `${what}: ${error?.message ?? error}`;
  console.error(`storycard: ${message}`);
  fire(host, EVENT.error, { message });
}


/**
 * Hands each render's ready detail to `ready`; with `debug`, also prints what dedupe removed, and
 * why, as a table.
 */
export function watch(host, debug, ready) {
  const abort = new AbortController();
  host.addEventListener(
    EVENT.ready,
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

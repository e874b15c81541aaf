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
 * With `debug`, prints what dedupe removed at each render, and why, as a table; the controller
 * returned stops it.
 */
export function watch(host, debug) {
  const abort = new AbortController();
  if (!debug) return abort;
  host.addEventListener(
    EVENT.ready,
    ({ target, detail }) => {
      if (target === host) console.table(detail.removed);
    },
    // The controller serves as the listener's options: they are read for its `signal`.
    abort,
  );
  return abort;
}

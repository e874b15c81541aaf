// Scheduling: a render in slices, and many widgets spread over tasks.
import { SLICE_MS } from '../vocabulary.js';

/**
 * Gives the page's other tasks their turn between two slices of a render: a message queues behind
 * the tasks already waiting (`scheduler.yield()` would go ahead of them, and `setTimeout` waits
 * at least 4 ms once nested).
 */
export const pause = () =>
  new Promise((done) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = done;
    port2.postMessage(0);
  });

/**
 * Spreads many widgets over several tasks: the first widget of a task opens a window of SLICE_MS, and a
 * widget that comes after it has closed waits for a later task. One widget renders at once.
 */
let sliceEnds = 0;
export async function turn() {
  while (sliceEnds && performance.now() > sliceEnds) await pause();
  if (!sliceEnds) {
    sliceEnds = performance.now() + SLICE_MS;
    pause().then(() => {
      sliceEnds = 0;
    });
  }
}

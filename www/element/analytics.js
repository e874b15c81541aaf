// What a site measures: a reader opening a related story (`storycard:select`, which a single-page
// app may cancel to route instead) and a related slide seen (`storycard:impression`).
import { EVENT, ID, PART } from '../vocabulary.js';

/**
 * Tells `tell(type, position, cancelable)` when a reader opens or sees a related story on `root`.
 * Returns the function that removes its listeners, observer and timers.
 */
export function measure(root, tell) {
  const abort = new AbortController();
  const options = { signal: abort.signal };
  const track = root.getElementById(ID.track);
  // Only a plain click is cancelable; one that opens a new tab or window is told as it happens.
  const open = (event) => {
    const slide = event.target.closest?.(`[part~="${PART.slideTitle}"] a`)?.closest(`[part~="${PART.slide}"]`);
    if (!slide || event.button > 1) return;
    const plain = event.type === 'click' && !event.button && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (!tell(EVENT.select, [...track.children].indexOf(slide), plain)) event.preventDefault();
  };
  root.addEventListener('click', open, options);
  root.addEventListener('auxclick', open, options);

  // A related slide at least half in view for one second, in a visible tab (the IAB's
  // viewability).
  const timers = new Map();
  const seen = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        clearTimeout(timers.get(target));
        const count = () => {
          if (document.hidden) return timers.set(target, setTimeout(count, 1000));
          seen.unobserve(target);
          tell(EVENT.impression, [...track.children].indexOf(target));
        };
        if (isIntersecting) timers.set(target, setTimeout(count, 1000));
      }
    },
    { threshold: 0.5 },
  );
  if (track) for (const slide of track.children) seen.observe(slide);
  return () => {
    abort.abort();
    seen.disconnect();
    for (const t of timers.values()) clearTimeout(t);
  };
}

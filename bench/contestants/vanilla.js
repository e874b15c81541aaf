// The hand-written contestant: the card and a native scroll-snap carousel, as storycard renders
// them, with no library.
import { slide, start } from './common.js';

const { stories, app, related, card } = start();
const track = document.createElement('div');
track.id = 'track';
stories.forEach((story, i) => track.appendChild(slide(story, i + 1, stories.length)));
related.appendChild(track);
const [prev, next] = related.querySelectorAll('button');
const refresh = () => {
  const end = track.scrollWidth - track.clientWidth;
  prev.setAttribute('aria-disabled', track.scrollLeft <= 1);
  next.setAttribute('aria-disabled', track.scrollLeft >= end - 1);
};
const step = (forward) => track.scrollBy({ left: (forward ? 1 : -1) * track.clientWidth });
prev.addEventListener('click', () => step(false));
next.addEventListener('click', () => step(true));
track.addEventListener('scroll', refresh, { passive: true });
app.append(card, related);
refresh();
window.__done?.();

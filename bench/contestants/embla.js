// The card with an Embla carousel.
import EmblaCarousel from 'embla-carousel';
import { slide, start } from './common.js';

const { stories, app, related, card } = start();
const viewport = document.createElement('div');
viewport.className = 'embla';
const container = viewport.appendChild(document.createElement('div'));
container.className = 'embla__container';
stories.forEach((story, i) => container.appendChild(slide(story, i + 1, stories.length, 'embla__slide')));
related.appendChild(viewport);
app.append(card, related);
const embla = EmblaCarousel(viewport, { align: 'start', slidesToScroll: 'auto' });
const [prev, next] = related.querySelectorAll('button');
prev.addEventListener('click', () => embla.scrollPrev());
next.addEventListener('click', () => embla.scrollNext());
window.__done?.();

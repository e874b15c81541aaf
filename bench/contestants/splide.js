// The card with a Splide carousel.
import Splide from '@splidejs/splide';
import { slide, start } from './common.js';

const { stories, app, related, card } = start();
const root = document.createElement('div');
root.className = 'splide';
root.setAttribute('aria-label', 'Related stories');
const track = root.appendChild(document.createElement('div'));
track.className = 'splide__track';
const list = track.appendChild(document.createElement('ul'));
list.className = 'splide__list';
stories.forEach((story, i) => list.appendChild(slide(story, i + 1, stories.length, 'splide__slide', 'li')));
related.appendChild(root);
app.append(card, related);
const splide = new Splide(root, { perPage: 4, perMove: 4, gap: '1rem', arrows: false, pagination: false }).mount();
const [prev, next] = related.querySelectorAll('button');
prev.addEventListener('click', () => splide.go('<'));
next.addEventListener('click', () => splide.go('>'));
window.__done?.();

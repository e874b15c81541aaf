// The card with a Keen-Slider carousel.
import KeenSlider from 'keen-slider';
import { slide, start } from './common.js';

const { stories, app, related, card } = start();
const root = document.createElement('div');
root.className = 'keen-slider';
stories.forEach((story, i) => root.appendChild(slide(story, i + 1, stories.length, 'keen-slider__slide')));
related.appendChild(root);
app.append(card, related);
const keen = new KeenSlider(root, { slides: { perView: 4, spacing: 16 } });
const [prev, next] = related.querySelectorAll('button');
prev.addEventListener('click', () => keen.prev());
next.addEventListener('click', () => keen.next());
window.__done?.();

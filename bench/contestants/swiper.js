// The card with a Swiper carousel (its core and Navigation module).
import Swiper from 'swiper';
import { Navigation } from 'swiper/modules';
import { slide, start } from './common.js';

const { stories, app, related, card } = start();
const root = document.createElement('div');
root.className = 'swiper';
const wrapper = root.appendChild(document.createElement('div'));
wrapper.className = 'swiper-wrapper';
stories.forEach((story, i) => wrapper.appendChild(slide(story, i + 1, stories.length, 'swiper-slide')));
related.appendChild(root);
app.append(card, related);
const [prev, next] = related.querySelectorAll('button');
new Swiper(root, { modules: [Navigation], slidesPerView: 4, slidesPerGroup: 4, spaceBetween: 16, navigation: { prevEl: prev, nextEl: next } });
window.__done?.();

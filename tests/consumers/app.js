// A site's own script, as each consumer builds it: the package from npm, one widget mounted from
// data, one <story-card> element reading a data island, and the events an app listens to.
import { mount } from 'storycard';

const story = (n, desk) => ({
  headline: `${desk} story ${n}`,
  url: `https://news.example/${desk.toLowerCase()}/${n}`,
  description: `What happened in ${desk.toLowerCase()} story ${n}.`,
});

window.__events = [];
for (const type of ['storycard:ready', 'storycard:error', 'storycard:select', 'storycard:impression']) {
  document.addEventListener(type, (event) => {
    window.__events.push({ type, host: event.target.id, position: event.detail.position, message: event.detail.message });
    // A single-page app routes to the story instead of leaving.
    if (type === 'storycard:select') {
      event.preventDefault();
      location.hash = `#/story/${event.detail.position}`;
    }
  });
}

// An element reading a data island: one story repeated with a tracking parameter.
const island = document.createElement('script');
island.type = 'application/json';
island.id = 'city-data';
island.textContent = JSON.stringify({
  article: { headline: 'Harbour ferry returns', url: 'https://news.example/city/ferry' },
  related: [story(1, 'City'), { ...story(1, 'City'), url: `${story(1, 'City').url}?utm_source=x` }, story(2, 'City')],
});
document.body.append(island);
const element = document.createElement('story-card');
element.id = 'element';
element.setAttribute('source', '#city-data');
document.body.append(element);

const host = document.createElement('div');
host.id = 'mounted';
document.body.append(host);
mount(host, {
  data: {
    article: { headline: 'Rowing club centenary', url: 'https://news.example/sport/rowing' },
    related: [1, 2, 3].map((n) => story(n, 'Sport')),
  },
});

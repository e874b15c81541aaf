// The other way `npm run bench:edge` measures: the runtime's own HTMLRewriter (lol-html inside
// workerd, driven from JavaScript) finds the data island and the element, and the server module
// (renderToString, pkg/playground/storycard_render) writes the card. It handles only the case the
// benchmark's first page is (the island before a <story-card source="#id"> with no other
// attributes); anything else passes as it was.
import wasm from './storycard_render_bg.wasm';
import { initSync, renderToString } from './storycard_render.js';

let ready = false;

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const origin = new URL(env.ORIGIN);
    url.protocol = origin.protocol;
    url.host = origin.host;
    const response = await fetch(new Request(url, request), { redirect: 'manual' });
    const type = response.headers.get('content-type') || '';
    if (request.method !== 'GET' || response.status !== 200 || !type.startsWith('text/html')) return response;
    if (!ready) {
      initSync({ module: wasm });
      ready = true;
    }
    const islands = new Map();
    let current = null;
    let done = false;
    const rewritten = new HTMLRewriter()
      .on('script[id]', {
        element(el) {
          current = { text: '' };
          islands.set(el.getAttribute('id'), current);
        },
        text(t) {
          current.text += t.text;
        },
      })
      .on('story-card', {
        element(el) {
          if (done) return;
          done = true;
          const source = el.getAttribute('source') || '';
          const island = source.startsWith('#') && islands.get(source.slice(1));
          if (!island) return;
          el.replace(renderToString(island.text, { url: request.url, id: 'storycard-edge-data' }), { html: true });
        },
      })
      .transform(response);
    const headers = new Headers(rewritten.headers);
    headers.delete('content-length');
    return new Response(rewritten.body, { status: rewritten.status, headers });
  },
};

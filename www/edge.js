// storycard/edge: the story card written into an article as it streams through a CDN worker.
//
// A Worker module in the standard fetch-handler shape. It fetches the page from the origin and,
// when it is a whole HTML page (a GET answered 200 with text/html in UTF-8), sends its body
// through the edge module's streaming rewriter (lol-html, src/web/edge.rs), which writes the
// server-rendered card in place of the page's <story-card> element (or before the place the
// options' `at` names) and passes every other byte as it came. Everything else (HEAD and other
// methods, range requests, other statuses, redirects, other types) is the origin's response
// itself.
//
//   export { default } from 'storycard/edge';              // options from env.STORYCARD
//   import { edge } from 'storycard/edge';
//   export default edge({ related: '.more-news', at: 'article footer' });
//
// env.ORIGIN (optional): the origin's address, for a worker in front of another host; without
// it, the request goes on as it came (a worker on the site's own route).
import wasm from './storycard_edge_bg.wasm';
import { initSync, EdgeRewriter } from './storycard_edge.js';

let ready = false;

/** A worker with these options (over env.STORYCARD's). */
export function edge(options = {}) {
  return {
    fetch(request, env = {}) {
      return handle(request, env, options);
    },
  };
}

export default edge();

async function handle(request, env, options) {
  const config = { ...readOptions(env.STORYCARD), ...options };
  const response = await fetch(toOrigin(request, env.ORIGIN), { redirect: 'manual' });
  if (!rewritable(request, response)) return response;
  if (!ready) {
    initSync({ module: wasm });
    ready = true;
  }
  const rewriter = new EdgeRewriter(request.url, config);
  const body = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, out) {
        const bytes = rewriter.write(chunk);
        if (bytes.length) out.enqueue(bytes);
      },
      flush(out) {
        const bytes = rewriter.end();
        if (bytes.length) out.enqueue(bytes);
        if (rewriter.outcome.startsWith('kept')) {
          console.warn(`storycard edge: ${request.url}: the element ${rewriter.outcome}`);
        }
        rewriter.free();
      },
    }),
  );
  const headers = new Headers(response.headers);
  // (the length is not known before the body ends; a strong validator no longer holds)
  headers.delete('content-length');
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The request, sent to `origin` when one is given (its path, query, method, headers, body). */
function toOrigin(request, origin) {
  if (!origin) return request;
  const url = new URL(request.url);
  const to = new URL(origin);
  url.protocol = to.protocol;
  url.host = to.host;
  return new Request(url, request);
}

/** Whether the response is a whole HTML page in UTF-8, asked for by a GET without a range. */
function rewritable(request, response) {
  if (request.method !== 'GET' || request.headers.has('range')) return false;
  if (response.status !== 200 || !response.body) return false;
  const type = (response.headers.get('content-type') || '').toLowerCase();
  if (!/^\s*text\/html\s*(;|$)/.test(type)) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/.exec(type);
  return !charset || charset[1] === 'utf-8' || charset[1] === 'utf8';
}

function readOptions(value) {
  if (value == null || value === '') return {};
  if (typeof value === 'string') return JSON.parse(value);
  return value;
}

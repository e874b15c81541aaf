// Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by
// playwright-core (Playwright cannot download its own browsers here), and the demo server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts a server of `root` on a free loopback port and Chromium with a fresh profile; `options`
 * go to the browser context (a time zone, for one).
 */
export async function start(root = ROOT, options = {}) {
  const server = await serve({ root, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'storycard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    context,
    async stop() {
      await context.close();
      await new Promise((done) => server.close(done));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The server and Chromium for one test file: started before its first test and stopped after
 * its last; `url` and `context` are there once the tests run.
 */
export function browserForFile(options) {
  const env = {};
  before(async () => Object.assign(env, await start(ROOT, options)));
  after(async () => env.stop?.());
  return env;
}

/**
 * Serves `page`'s HTML documents from `env`'s server with `policy` as their
 * Content-Security-Policy header; requests to other origins are answered here (204), so nothing
 * leaves the machine.
 */
export async function servePolicy(env, page, policy) {
  await page.route('**/*', async (route) => {
    if (!route.request().url().startsWith(env.url)) return route.fulfill({ status: 204 });
    const response = await route.fetch();
    const html = (response.headers()['content-type'] ?? '').startsWith('text/html');
    await route.fulfill({ response, headers: html ? { ...response.headers(), 'content-security-policy': policy } : response.headers() });
  });
}

/** A new page that records console errors, page errors and the widget's events. */
export async function open(env, path = '') {
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['storycard:ready', 'storycard:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  await page.goto(env.url + path);
  return { page, problems };
}

const RENDERING = new Set(['PrePaint', 'Paint', 'Layout', 'UpdateLayoutTree', 'Commit', 'Layerize', 'PaintImage']);

/**
 * Runs `action` (a function evaluated in the page, with `arg`) while Chromium traces the page,
 * and returns what it returned and the renderer main thread's tasks over 5 ms from the trace: the
 * duration of each, whether most of it was the browser's rendering (style, layout, paint) or
 * script, and what took the time.
 */
export async function traceTasks(page, action, arg) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  const value = await page.evaluate(action, arg);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'),
  );
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.dur > 5000)
    .map((task) => {
      const by = {};
      for (const e of onMain) {
        if (e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) {
          by[e.name] = (by[e.name] ?? 0) + e.dur;
        }
      }
      const top = Object.entries(by).sort((a, b) => b[1] - a[1]);
      const rendering = top.filter(([name]) => RENDERING.has(name)).reduce((sum, [, d]) => sum + d, 0);
      return {
        ms: task.dur / 1000,
        kind: rendering > task.dur / 2 ? 'rendering' : 'script',
        top: top.slice(0, 3).map(([name, d]) => `${name} ${(d / 1000).toFixed(1)}`).join(', '),
      };
    });
  return { value, tasks };
}

/**
 * `html` with a data-less <story-card> that reads the page (its own element, when it has one),
 * `related` as its attribute, and the element module loaded from `module`.
 */
export function enhance(html, related, module) {
  const attrs = related ? ` related="${related.replaceAll('"', '&quot;')}"` : '';
  const script = `<script type="module" src="${module}storycard.js"></script>`;
  if (html.includes('<story-card')) return html.replace('<story-card', `<story-card${attrs}`) + script;
  const element = `<story-card${attrs}></story-card>${script}`;
  return html.includes('</body>') ? html.replace('</body>', `${element}</body>`) : html + element;
}

/**
 * A shadow root as data (a function's source, for `evaluate`): each element as [tag, sorted attributes, children], each text as its
 * string; the stylesheet (`<style>` or `<link>`, which only the server's markup carries) aside.
 */
export const TREE = `(root) => {
  const tree = (node) => [...node.childNodes].flatMap((n) => {
    if (n.nodeType === Node.TEXT_NODE) return [n.data];
    if (n.nodeType !== Node.ELEMENT_NODE || n.localName === 'style' || n.localName === 'link') return [];
    return [[n.localName, [...n.attributes].map((a) => [a.name, a.value]).sort(), tree(n)]];
  });
  return tree(root);
}`;

// storycard/server in Node: renderToString() gives the element `storycard render` prints (the same
// markup, the same data island; dates by Intl, in UTC here), reports bad data as an Error, and
// serves a page from a plain Node HTTP server.
process.env.TZ = 'UTC';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToString } from 'storycard/server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const index = readFileSync(join(ROOT, 'index.html'), 'utf8');
const island = index.match(/<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/)[1];
const URL_ = 'https://news.example.com/world/page.html';

test('renderToString gives what `storycard render` prints', () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'storycard'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const file = join(ROOT, 'test-results', 'node-seed.json');
  writeFileSync(file, island);
  for (const [options, args] of [
    [{ url: URL_ }, ['--url', URL_]],
    [{ url: URL_, lang: 'vi', max: 3, autoplay: true, labels: { readMore: 'Đọc tiếp' } }, ['--url', URL_, '--lang', 'vi', '--max', '3', '--autoplay', '--label-read-more', 'Đọc tiếp']],
    [{ url: URL_, lang: 'de', id: 'karte', stylesheet: '/static/storycard.css' }, ['--url', URL_, '--lang', 'de', '--id', 'karte', '--stylesheet', '/static/storycard.css']],
  ]) {
    const cli = spawnSync(join(ROOT, 'target/debug/storycard'), ['render', '--data', file, ...args], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const html = renderToString(JSON.parse(island), options);
    assert.equal(`${html}\n`, cli.stdout, JSON.stringify(options));
    assert.equal(renderToString(island, options), html, 'the JSON text too');
  }
});

test('bad data is an Error with the widget message', () => {
  assert.throws(() => renderToString({ article: { headline: '' } }), { message: 'article.headline is missing or empty' });
  assert.throws(() => renderToString('{"article":'), /not valid JSON/);
  assert.throws(() => renderToString({ article: 'x' }), { message: 'article must be an object, found a string' });
});

test('a Node HTTP server renders the card at request time', async () => {
  const server = createServer((req, res) => {
    const card = renderToString(JSON.parse(island), { url: `http://127.0.0.1${req.url}` });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>x</title><main>${card}</main><script type="module" src="/pkg/storycard.js"></script></html>`);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const started = performance.now();
  const body = await (await fetch(`http://127.0.0.1:${server.address().port}/world/story.html`)).text();
  const ms = performance.now() - started;
  server.close();
  assert.match(body, /<story-card source="#storycard-data" lang="en" data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open">/);
  assert.equal(body.match(/part="slide"/g).length, 8);
  console.log(`# a page with the card served in ${ms.toFixed(1)} ms`);
});

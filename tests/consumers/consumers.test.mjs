// The package as a site developer gets it: `npm pack` of the repository, installed unchanged into
// three apps (a Vite app, a webpack 5 app, and a plain page with no bundler that imports the
// files from node_modules through an import map), each built, served on the loopback and checked
// in headless Chromium: both widgets render, the WebAssembly is found next to the JavaScript that
// loads it, and the events arrive (ready, impression, and select, which the app cancels to route).
// And a Worker project with the README's wrangler configuration: bundled by wrangler, the bundle
// run in workerd in front of an origin on the loopback writes the card into its page.
//   node --test tests/consumers/   (after `npm run build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { ROOT, start } from '../e2e/browser.mjs';
import { startEdge } from '../../scripts/edge.mjs';

const HERE = join(ROOT, 'tests/consumers');

const FIXTURES = [
  { name: 'vite', page: '.', served: 'dist', scripts: '<script type="module" src="./app.js"></script>' },
  { name: 'webpack', page: 'dist', served: 'dist', scripts: '<script defer src="./main.js"></script>' },
  {
    name: 'plain',
    page: '.',
    served: '.',
    scripts:
      '<script type="importmap">{ "imports": { "storycard": "./node_modules/storycard/pkg/storycard.js" } }</script>\n' +
      '  <script type="module" src="./app.js"></script>',
  },
];

const work = mkdtempSync(join(tmpdir(), 'storycard-consumers-'));
let tarball;
before(() => {
  assert.ok(existsSync(join(ROOT, 'pkg/storycard.js')), 'pkg/ is built (npm run build)');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  tarball = join(work, JSON.parse(out)[0].filename);
});
after(() => rmSync(work, { recursive: true, force: true }));

const npm = (dir, ...args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the public types say what each value is: no `any`; the server export too', () => {
  for (const file of ['pkg/storycard.d.ts', 'pkg/storycard_server.d.ts', 'pkg/edge.d.ts']) {
    const types = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(types, /\bany\b/, file);
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'default'], 'types first');
  assert.deepEqual(Object.keys(manifest.exports['./server']), ['types', 'default'], 'types first');
  assert.deepEqual(Object.keys(manifest.exports['./edge']), ['types', 'default'], 'types first');
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"$/m)[1];
  assert.equal(manifest.version, cargo, 'the package and the crate have one version');
});

for (const fixture of FIXTURES) {
  test(`the packed package works in a ${fixture.name} app`, async () => {
    const dir = join(work, fixture.name);
    cpSync(join(HERE, fixture.name), dir, { recursive: true });
    cpSync(join(HERE, 'app.js'), join(dir, 'app.js'));
    const html = readFileSync(join(HERE, 'page.html'), 'utf8').replace('<!-- scripts -->', fixture.scripts);
    const began = performance.now();
    npm(dir, 'install', '--no-package-lock', tarball);
    const installed = performance.now();
    if (fixture.page === '.') writeFileSync(join(dir, 'index.html'), html);
    if (fixture.name !== 'plain') npm(dir, 'run', 'build');
    if (fixture.page !== '.') writeFileSync(join(dir, fixture.page, 'index.html'), html);
    console.log(`# ${fixture.name}: install ${Math.round(installed - began)} ms, build ${Math.round(performance.now() - installed)} ms`);
    if (fixture.name === 'plain') {
      // The same package on the app's server: storycard/server in Node.
      const script = `import { renderToString } from 'storycard/server';
        process.stdout.write(renderToString({ article: { headline: 'From the server' }, related: [{ headline: 'One', url: 'https://news.example/1' }] }));`;
      const html = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
      assert.match(html, /<story-card source="#storycard-data" lang="en" data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open">/);
      assert.match(html, /From the server/);
    }

    const env = await start(join(dir, fixture.served));
    try {
      const page = await env.context.newPage();
      const problems = [];
      const wasm = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
        if (r.url().endsWith('.wasm')) wasm.push([r.status(), r.headers()['content-type']]);
      });
      await page.goto(env.url);
      await page.waitForFunction(() => window.__events?.filter((e) => e.type === 'storycard:ready').length === 2);
      const titles = (host) => page.locator(`#${host} [part~="slide-title"]`).allInnerTexts();
      assert.deepEqual(await titles('element'), ['City story 1', 'City story 2'], 'the element: the repeat removed');
      assert.deepEqual(await titles('mounted'), ['Sport story 1', 'Sport story 2', 'Sport story 3'], 'mount()');
      assert.deepEqual(wasm, [[200, 'application/wasm']], 'one module, found next to its JavaScript');
      // Seen for a second: impressions.
      await page.waitForFunction(() => window.__events.some((e) => e.type === 'storycard:impression'), null, { timeout: 5000 });
      // Opened: the app cancels and routes.
      await page.locator('#mounted [part~="slide"]').nth(1).locator('a').click();
      await page.waitForFunction(() => location.hash === '#/story/1');
      const select = await page.evaluate(() =>
        window.__events.filter((e) => e.type === 'storycard:select').map((e) => [e.host, e.position]),
      );
      assert.deepEqual(select, [['mounted', 1]]);
      assert.equal(new URL(page.url()).origin, new URL(env.url).origin, 'no navigation away');
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await env.stop();
    }
  });
}

test('the packed package in a Worker project: wrangler bundles storycard/edge, and the bundle writes the card', async () => {
  const dir = join(work, 'worker');
  cpSync(join(HERE, 'worker'), dir, { recursive: true });
  npm(dir, 'install', '--no-package-lock', tarball);
  execFileSync('npm', ['run', 'build', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  const files = readdirSync(join(dir, 'dist'));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one WebAssembly module in the bundle: ${files.join(', ')}`);
  // The bundle in workerd, with the options of the README's configuration.
  const options = JSON.parse(readFileSync(join(dir, 'wrangler.toml'), 'utf8').match(/^STORYCARD = '(.*)'$/m)[1]);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry returns after a decade</title></head>
<body><article><h1>Harbour ferry returns after a decade</h1><p>The ferry sails again from Monday.</p>
<ul class="more-news"><li><a href="/a/pier.html">Pier plans go on show at the town hall</a></li>
<li><a href="/a/pier.html">Pier plans go on show at the town hall</a></li>
<li><a href="/a/lifeboat.html">Lifeboat crew rescues two kayakers off the point</a></li></ul>
<footer>The footer</footer></article></body></html>`;
  const origin = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((done) => origin.listen(0, '127.0.0.1', done));
  const edge = await startEdge({
    origin: `http://127.0.0.1:${origin.address().port}`,
    port: 0,
    options,
    modules: [join(dir, 'dist', 'worker.js'), join(dir, 'dist', wasm[0])],
    quiet: true,
  });
  try {
    const html = await (await fetch(`${edge.url}/world/ferry.html`)).text();
    const [before, after] = page.split('<footer>');
    assert.ok(html.startsWith(before) && html.endsWith(`<footer>${after}`), 'the page around the card as it was');
    const island = JSON.parse(html.match(/id="storycard-edge-data">([\s\S]*?)<\/script>/)[1]);
    assert.deepEqual(island.related.map((r) => r.headline), ['Pier plans go on show at the town hall', 'Lifeboat crew rescues two kayakers off the point']);
    assert.match(html, /<story-card source="#storycard-edge-data" lang="en" data-storycard-view="[0-9a-f]{16}"><template shadowrootmode="open">/);
  } finally {
    await edge.stop();
    await new Promise((done) => origin.close(done));
  }
});

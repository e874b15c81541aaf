// A small W3C WebDriver client for the engines Playwright cannot drive here: Firefox (Debian's
// firefox-esr through geckodriver) and WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver,
// under Xvfb). Each driver runs on a free loopback port in a process group of its own, which
// quit() ends.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const which = (name) => {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/** The engines this machine can run, by name: how to start each driver and what to ask it for. */
export function engines() {
  const gecko = process.env.GECKODRIVER ?? which('geckodriver') ?? [join(homedir(), '.cargo/bin/geckodriver')].find(existsSync);
  const firefox = process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox');
  const webkit = process.env.WEBKITWEBDRIVER ?? which('WebKitWebDriver');
  const xvfb = which('xvfb-run');
  const found = {};
  if (gecko && firefox) {
    found.firefox = {
      command: (port) => [gecko, `--port=${port}`, '--host=127.0.0.1'],
      capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs: { 'ui.prefersReducedMotion': 0 } } },
    };
  }
  if (webkit && xvfb) {
    found.webkit = {
      // (WebKitGTK draws to a display even when no window is seen: Xvfb gives it one)
      command: (port) => [xvfb, '-a', '-s', '-screen 0 1280x1024x24', webkit, `--port=${port}`, '--host=127.0.0.1'],
      capabilities: {},
    };
  }
  return found;
}

/** Starts `engine`'s driver and a browser session; resolves to the driver. */
export async function launch(name, engine) {
  const port = await freePort();
  const [command, ...args] = engine.command(port);
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`${name}: ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  };
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // (already gone)
    }
  };
  // The driver answers /status once it listens.
  for (let waited = 0; ; waited += 100) {
    try {
      if ((await call('GET', '/status')).ready !== false) break;
    } catch (error) {
      if (waited > 20_000) {
        kill();
        throw new Error(`${name}: the driver did not start: ${error.message}\n${log}`);
      }
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  let session;
  try {
    session = await call('POST', '/session', { capabilities: { alwaysMatch: engine.capabilities } });
  } catch (error) {
    kill();
    throw new Error(`${error.message}\n${log}`);
  }
  const id = session.sessionId;
  const at = (path) => `/session/${id}${path}`;
  await call('POST', at('/timeouts'), { script: 120_000, pageLoad: 60_000 });
  await call('POST', at('/window/rect'), { width: 1280, height: 900 }).catch(() => {});
  return {
    name,
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    /** Loads `url` and waits for it. */
    go: (url) => call('POST', at('/url'), { url }),
    /**
     * Runs `fn(...args)` in the page (it may be async) and resolves to what it returns. An element
     * it returns comes back as a reference that click() takes.
     */
    async run(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(...${JSON.stringify(args)}))
          .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
      const out = await call('POST', at('/execute/async'), { script, args: [] });
      if (out?.error) throw new Error(`${name}: in the page: ${out.error}`);
      return out?.value;
    },
    /** Clicks an element that run() returned, as a reader would (pointer, in view). */
    click: (element) => call('POST', at(`/element/${Object.values(element)[0]}/click`), {}),
    /** Presses keys (WebDriver key codes: "\uE014" is ArrowRight) on the focused element. */
    press: (...keys) =>
      call('POST', at('/actions'), {
        actions: [{ type: 'key', id: 'keyboard', actions: keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
      }),
    async quit() {
      await call('DELETE', at('')).catch(() => {});
      kill();
    },
  };
}

/** WebDriver's codes for the keys the carousel answers. */
export const KEY = { ArrowLeft: '\uE012', ArrowRight: '\uE014', Home: '\uE011', End: '\uE010', Tab: '\uE004' };

// Serves the edge worker (pkg/edge.js, built by scripts/build.sh) in workerd, the open-source
// Workers runtime (npm `workerd`), in front of an origin:
//
//   npm run edge -- --origin http://127.0.0.1:PORT [--port 8787] [--options JSON]
//
// prints `storycard edge: http://127.0.0.1:8787` once it listens. --options: the worker's options
// (env.STORYCARD), as JSON. Also imported by the tests and the benchmark (startEdge).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The runtime's own binary (its npm package's launcher, when it is a script, would stand between
// the worker and the memory the benchmark reads).
const arch = process.arch === 'x64' ? '64' : process.arch;
const binary = join(root, 'node_modules', '@cloudflare', `workerd-${process.platform}-${arch}`, 'bin', 'workerd');
const workerd = existsSync(binary) ? binary : join(root, 'node_modules', '.bin', 'workerd');

/** A port free on the loopback now. */
export function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Starts workerd serving a worker in front of `origin` on 127.0.0.1:`port` (a free one for 0). `modules`: the
 * worker's files, the entry first (pkg/edge.js and the edge module unless given); `options`: its
 * env.STORYCARD. Resolves once the port accepts connections, with `url`, `pid` and `stop()`.
 */
export async function startEdge({ origin, port = 8787, options = {}, modules, quiet = false }) {
  if (port === 0) port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'storycard-edge-'));
  modules ??= [
    join(root, 'pkg', 'edge.js'),
    join(root, 'pkg', 'storycard_edge.js'),
    join(root, 'pkg', 'storycard_edge_bg.wasm'),
  ];
  const lines = modules.map((path) => {
    const name = path.split('/').pop();
    copyFileSync(path, join(dir, name));
    const kind = name.endsWith('.wasm') ? 'wasm' : 'esModule';
    return `    (name = "${name}", ${kind} = embed "${name}"),`;
  });
  writeFileSync(join(dir, 'origin.txt'), origin);
  writeFileSync(join(dir, 'options.json'), JSON.stringify(options));
  writeFileSync(
    join(dir, 'edge.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "edge", worker = .worker),
    # (the origin is on the loopback: fetches to private and local addresses are allowed)
    (name = "net", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "edge")],
);

const worker :Workerd.Worker = (
  modules = [
${lines.join('\n')}
  ],
  compatibilityDate = "2025-01-01",
  bindings = [
    (name = "ORIGIN", text = embed "origin.txt"),
    (name = "STORYCARD", text = embed "options.json"),
  ],
  globalOutbound = "net",
);
`,
  );
  const child = spawn(workerd, ['serve', join(dir, 'edge.capnp')], {
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!quiet) process.stderr.write(d);
  });
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`workerd exited (${child.exitCode}): ${stderr}`);
    }
    if (await accepts(port)) break;
    if (i > 600) {
      await stop();
      throw new Error(`workerd did not listen on ${port} in 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop, stderr: () => stderr };
}

function accepts(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const origin = flag('origin');
  if (!origin || !/^https?:\/\//.test(origin)) {
    console.error('usage: npm run edge -- --origin http://127.0.0.1:PORT [--port 8787] [--options JSON]');
    process.exit(2);
  }
  const port = Number(flag('port') ?? 8787);
  const options = JSON.parse(flag('options') ?? '{}');
  const edge = await startEdge({ origin, port, options });
  console.log(`storycard edge: ${edge.url}`);
  const quit = async () => {
    await edge.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

// A static file server for the demo and the end-to-end tests: the repository root on
// http://127.0.0.1:8080 (PORT, or --port N), with the MIME type streaming wasm compilation needs.
// The benchmark's network profiles also have it serve as a site would: brotli-compressed, and
// with a cache lifetime for everything but the pages.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** The types a site compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);

/**
 * Starts serving `root`; resolves to the running server once it listens. `compress`: answer with
 * the file compressed (brotli at quality 11, else gzip at 9; once per file version);
 * `cache`: the Cache-Control of every file but HTML (which stays `no-cache`).
 */
export function serve({ root, port = 8080, host = '127.0.0.1', headers = {}, compress = false, cache = 'no-cache' }) {
  const base = resolve(root);
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if (path.split('/').some((part) => part.startsWith('.'))) throw Object.assign(new Error(), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      const type = extname(file);
      const head = {
        'content-type': TYPES[type] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': type === '.html' ? 'no-cache' : cache,
        'x-content-type-options': 'nosniff',
        ...headers,
      };
      // (brotli where the browser accepts it, else gzip: Chromium offers brotli to secure
      // origins only, and the loopback over HTTP is one)
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = !compress || !COMPRESSIBLE.has(type) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        const version = `${encoding}:${file}:${info.mtimeMs}:${info.size}`;
        let bytes = compressed.get(version);
        if (!bytes) {
          const raw = await readFile(file);
          bytes = encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(raw, { level: 9 });
          compressed.set(version, bytes);
        }
        res.writeHead(200, { ...head, 'content-encoding': encoding, 'content-length': bytes.length, vary: 'accept-encoding' });
        return res.end(req.method === 'HEAD' ? undefined : bytes);
      }
      res.writeHead(200, head);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (error) {
      const missing = error?.code === 'ENOENT' || error?.code === 'ENOTDIR' || error instanceof URIError;
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT ?? 8080);
  const root = fileURLToPath(new URL('..', import.meta.url));
  serve({ root, port }).then(
    (server) => console.log(`storycard demo: http://localhost:${server.address().port}/ (Ctrl+C stops)`),
    (error) => {
      console.error(`serve: cannot listen on port ${port}: ${error.message}`);
      process.exit(1);
    },
  );
}

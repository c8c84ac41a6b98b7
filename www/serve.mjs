// A dependency-free static file server for the demo pages and the browser
// tests. Serves the repository root (so /pkg/web/ and /tests/ resolve) on
// 127.0.0.1 only. Usage: node www/serve.mjs [port]   (0 = any free port)
// The demo service (www/server.mjs) reuses `serveStatic` for its pages.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};
// Compressible types are sent gzipped when the client accepts it, as any
// production server would: the wasm shrinks from ~1.3 MB to ~0.5 MB, and the
// demo's page-weight figure is then what a user actually downloads.
const compressible = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css', '.svg']);
const gzipCache = new Map(); // path -> { mtimeMs, body }

/** Serve one file of the repository for `req`; 404 outside it or for dotfiles. */
export async function serveStatic(req, res) {
  try {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/www/index.html';
    const file = normalize(join(root, path));
    // Stay inside the repository, and never serve dotfiles (.git, .ci).
    if (!file.startsWith(root) || file.split(sep).some((p) => p.startsWith('.') && p.length > 1)) throw Object.assign(new Error(), { code: 'ENOENT' });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    let body;
    if (compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let cached = gzipCache.get(file);
      if (!cached || cached.mtimeMs !== info.mtimeMs) {
        cached = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(file), { level: 9 }) };
        gzipCache.set(file, cached);
      }
      body = cached.body;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    } else {
      body = await readFile(file);
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
    res.end(e.code === 'ENOENT' ? 'not found' : 'error');
  }
}

export function serve(port = 0) {
  const server = createServer(serveStatic);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`fieldguard pages on http://127.0.0.1:${server.address().port}/www/vectors.html`);
}

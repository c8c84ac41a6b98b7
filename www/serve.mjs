// A dependency-free static file server for the demo pages and the browser
// tests. Serves the repository root (so /pkg/web/ and /tests/ resolve) on
// 127.0.0.1 only. Usage: node www/serve.mjs [port]   (0 = any free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

export function serve(port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path === '/') path = '/www/index.html';
      const file = normalize(join(root, path));
      // Stay inside the repository, and never serve dotfiles (.git, .ci).
      if (!file.startsWith(root) || file.split(sep).some((p) => p.startsWith('.') && p.length > 1)) throw Object.assign(new Error(), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : 'error');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`fieldguard pages on http://127.0.0.1:${server.address().port}/www/vectors.html`);
}

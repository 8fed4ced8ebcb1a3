// A static file server for the built site, on loopback only, with the content types a real
// host sends (WebAssembly must be `application/wasm` for streaming compilation) and the
// behaviour of common static hosts: `dir/` serves `dir/index.html`, `dir` redirects to `dir/`,
// and a missing file answers 404 with the site's own `404.html`.
//
// As a command: `node lib/server.js SITE_DIR [PREFIX]` serves SITE_DIR and prints its URL.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDir(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Serves `root` under the URL path `prefix` (for a site built with `--base-url PREFIX`).
 * Resolves to `{ url, port, close() }`; `url` ends in the prefix, e.g. `http://127.0.0.1:41234/kennisbank/`.
 */
export async function startServer({ root, prefix = '/' }) {
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  const rootAbs = path.resolve(root);

  async function notFound(res) {
    const page = path.join(rootAbs, '404.html');
    const body = (await isFile(page)) ? await readFile(page) : Buffer.from('Not found\n');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400);
        res.end();
        return;
      }
      if (!pathname.startsWith(base)) {
        // The prefix itself without its slash, as a host would do.
        if (pathname + '/' === base) {
          res.writeHead(301, { Location: base + url.search });
          res.end();
          return;
        }
        await notFound(res);
        return;
      }
      const rel = pathname.slice(base.length);
      const file = path.resolve(rootAbs, '.' + path.posix.sep + rel);
      if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) {
        await notFound(res);
        return;
      }
      let target = file;
      if (await isDir(file)) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' + url.search });
          res.end();
          return;
        }
        target = path.join(file, 'index.html');
      }
      if (!(await isFile(target))) {
        await notFound(res);
        return;
      }
      const body = await readFile(target);
      res.writeHead(200, {
        'Content-Type': contentType(target),
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the system picks a free port, so parallel runs never collide.
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [root, prefix] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node lib/server.js SITE_DIR [PREFIX]');
    process.exit(2);
  }
  const s = await startServer({ root, prefix });
  console.log(`serving ${path.resolve(root)} at ${s.url} (Ctrl+C stops)`);
}

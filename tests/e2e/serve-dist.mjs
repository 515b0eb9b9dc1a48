// A small static server for the built page (dist/), bound to 127.0.0.1 only. Used by the
// end-to-end tests so they exercise exactly the files a lecturer would deploy.
// usage: node serve-dist.mjs DIST_DIR PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The page's Content-Security-Policy (issue 12), as a deployment should send it: the policy of
// index.html's meta tag. It sets no frame-ancestors, on purpose: embed=1 pages are framed by
// learning platforms on any host, and `frame-ancestors *` would still refuse a parent with an
// opaque origin (a platform's sandboxed frame, a teacher's saved .html file, about:blank).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ');

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.md': 'text/markdown; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.md']);

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      vary: 'accept-encoding',
    };
    // Compressed as a deployment would serve it, so transfer sizes (Lighthouse, the first-load
    // measurement) are what a student downloads; images are already compressed.
    if (compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));

// A static server for the built site, answering as GitHub Pages answers for a project page:
// dist/ under /daemonset-playground/, index.html for folders, a redirect to add the trailing
// slash, dist/404.html with status 404 for unknown paths, and the usual MIME types.
// It also serves a host page at / (and /host.html) that embeds the playground in an <iframe>,
// and any other pages it is given (a tutorial on another origin, for the embed tests). It keeps
// the path of every request it answered (`hits`), to count downloads.
//
// Used by the e2e tests; `node tests/e2e/server.mjs [port]` previews a release build by hand.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BASE = '/daemonset-playground/';
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// The host page passes its own query on to the embedded playground (e.g. ?__test_panic=1).
const hostPage = (search) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>A tutorial that embeds the playground</title>
</head>
<body>
<h1>A tutorial that embeds the playground</h1>
<iframe src="${BASE}${search}" title="DaemonSet Playground" width="960" height="560"></iframe>
</body>
</html>
`;

async function fileAt(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

function send(req, res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function notFound(req, res, root) {
  const page = await fileAt(join(root, '404.html'));
  if (page?.isFile()) {
    send(req, res, 404, MIME['.html'], await readFile(join(root, '404.html')));
  } else {
    send(req, res, 404, MIME['.txt'], Buffer.from('404 Not Found\n'));
  }
}

async function handle(req, res, root, pages) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, MIME['.txt'], Buffer.from('405 Method Not Allowed\n'), { Allow: 'GET, HEAD' });
  }
  const url = new URL(req.url, 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return send(req, res, 400, MIME['.txt'], Buffer.from('400 Bad Request\n'));
  }

  if (Object.hasOwn(pages, path)) {
    return send(req, res, 200, MIME['.html'], Buffer.from(pages[path]));
  }
  if (path === '/' || path === '/host.html') {
    return send(req, res, 200, MIME['.html'], Buffer.from(hostPage(url.search)));
  }
  if (`${path}/` === BASE) {
    return send(req, res, 301, MIME['.txt'], Buffer.from(''), { Location: BASE + url.search });
  }
  if (!path.startsWith(BASE)) {
    return send(req, res, 404, MIME['.txt'], Buffer.from('404 Not Found\n'));
  }

  let file = resolve(root, `.${sep}${path.slice(BASE.length)}`);
  if (file !== root && !file.startsWith(root + sep)) {
    return notFound(req, res, root);
  }
  let info = await fileAt(file);
  if (info?.isDirectory()) {
    if (!path.endsWith('/')) {
      return send(req, res, 301, MIME['.txt'], Buffer.from(''), { Location: `${url.pathname}/${url.search}` });
    }
    file = join(file, 'index.html');
    info = await fileAt(file);
  }
  if (!info?.isFile()) {
    return notFound(req, res, root);
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  // GitHub Pages lets browsers cache for 10 minutes.
  send(req, res, 200, type, await readFile(file), { 'Cache-Control': 'max-age=600' });
}

/** Starts the server on 127.0.0.1 (an ephemeral port unless one is given); `pages` maps paths
 *  to HTML served as they are. `isolated`: every response with the two headers that make a page
 *  cross-origin isolated, where Chromium's `performance.now()` steps by 5 µs instead of 100 µs
 *  (the engine benchmark times steps shorter than 0.1 ms). */
export async function startServer({ root = DIST, port = 0, pages = {}, isolated = false } = {}) {
  const dist = resolve(root);
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    if (isolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    handle(req, res, dist, pages).catch((err) => {
      if (!res.headersSent) send(req, res, 500, MIME['.txt'], Buffer.from(`500 ${err}\n`));
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + BASE,
    hostUrl: `${origin}/`,
    hits,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const served = await startServer({ port: Number(process.argv[2] ?? 0) });
  console.log(`playground: ${served.url}\nhost page:  ${served.hostUrl}`);
}

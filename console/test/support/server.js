'use strict';
// A static file server on 127.0.0.1 (random port) for the console and for the live streams ffmpeg writes.
const http = require('node:http');
const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.mpd': 'application/dash+xml',
};

/** Smooth Streaming paths have no extension: ".../Manifest" and ".../QualityLevels(N)/Fragments(video=T)". */
function contentType(file) {
  const base = path.basename(file);
  if (base === 'Manifest') {
    return 'application/vnd.ms-sstr+xml';
  }
  if (/^Fragments\(/.test(base)) {
    return 'video/mp4';
  }
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Starts a server for `root`. `cors` adds the headers a player on another origin needs; `routes` maps exact
 * paths to functions returning [contentType, body] (for generated files such as the clock or a config);
 * `rewrite(pathname, body)` may change a file's bytes on the way out, as an origin's packager settings would;
 * `published(pathname, body)` false holds the request (re-reading the file) until it is true, up to 5 s;
 * `tls` ({key, cert}) serves HTTPS instead of HTTP; `intercept(pathname)` (it may return a promise, which holds the
 * request until it settles) lets a test play a faulty origin: a number answers with that HTTP status, a string
 * serves that path instead, anything else serves the request as usual.
 */
function startServer(root, { cors = false, routes = {}, rewrite = (p, body) => body, published = () => true,
  tls = null, intercept = () => undefined } = {}) {
  const requests = [];
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const headers = { 'Cache-Control': 'no-store' };
    if (cors) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Expose-Headers': 'Date, Content-Length',
      });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    Promise.resolve(intercept(url.pathname)).then((decision) => {
      if (typeof decision === 'number') {
        res.writeHead(decision, { ...headers, 'Content-Type': 'text/plain' }).end(`HTTP ${decision}`);
      } else {
        answer(req, res, typeof decision === 'string' ? decision : url.pathname, headers);
      }
    }, (e) => res.writeHead(500, headers).end(String(e)));
  };
  const answer = (req, res, pathname, headers) => {
    const url = { pathname };
    const route = routes[url.pathname];
    if (route) {
      const [type, body] = route();
      res.writeHead(200, { ...headers, 'Content-Type': type }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    let relative;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (relative.endsWith('/')) {
      relative += 'index.html';
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const holdUntil = Date.now() + 5000;
    const serve = () => fs.readFile(file, (err, bytes) => {
      if (!err && !published(url.pathname, bytes) && Date.now() < holdUntil) {
        setTimeout(serve, 100);
        return;
      }
      if (err || !published(url.pathname, bytes)) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const body = rewrite(url.pathname, bytes);
      res.writeHead(200, { ...headers, 'Content-Type': contentType(file), 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    serve();
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return listenOnLoopback(server, () => ({ requests }));
}

/**
 * Starts `server` (HTTP or HTTPS) on 127.0.0.1 on a free port; resolves to {origin, close()} and what `more(origin)`
 * adds. close() drops open connections (a player's pending request) so that it returns at once.
 */
function listenOnLoopback(server, more = () => ({})) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const scheme = server instanceof https.Server ? 'https' : 'http';
      const origin = `${scheme}://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        ...more(origin),
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

module.exports = { startServer, contentType, listenOnLoopback };

/**
 * Fixture websites on loopback for the scanner tests and bench: one HTTPS server on 127.0.0.1 (port 0)
 * answering by Host header from test/fixtures/sites/<host>/, plus a few dynamic hosts (redirect loop,
 * never-ending page, huge page, a generated 200-page site). Tracker hosts (www.google-analytics.com,
 * connect.facebook.net, www.facebook.com, static.hotjar.com, px.ads.linkedin.com) are local stand-ins.
 *
 * Why HTTPS: Chromium stores a cross-site cookie only with `SameSite=None; Secure`, and Secure needs
 * HTTPS. A self-signed certificate for every fixture host is made at start with openssl; Chromium
 * trusts exactly that key through `--ignore-certificate-errors-spki-list` (no blanket
 * --ignore-certificate-errors, so a real TLS failure still shows as one).
 *
 * `browserArgs` maps every fixture host to the server with `--host-resolver-rules` and every other name
 * to ~NOTFOUND, so nothing can leave loopback. Special hosts: `tls-kapot.test` points at a plain-HTTP
 * port (TLS handshake fails), `dicht.test` at a closed port, `onbereikbaar.test` resolves nowhere.
 *
 *   const fx = await startFixtureServer();
 *   await observePages({ urls: [fx.url('partij.test')], browserArgs: fx.browserArgs, ... });
 *   fx.seen  // every request the server answered: { host, path }
 *   await fx.close();
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

export const TRACKER_HOSTS = [
  'www.google-analytics.com',
  'connect.facebook.net',
  'www.facebook.com',
  'static.hotjar.com',
  'px.ads.linkedin.com',
] as const;

export const SITE_HOSTS = [
  'partij.test',
  'www.partij.test',
  'schoon.test',
  'lus.test',
  'traag.test',
  'groot.test',
  'veel.test',
] as const;

/** Every host answered over HTTPS by the fixture server. */
export const HTTPS_HOSTS: readonly string[] = [...SITE_HOSTS, ...TRACKER_HOSTS];

export interface FixtureServer {
  port: number;
  /** Chromium arguments: host mapping to loopback and trust in the fixture certificate. */
  browserArgs: string[];
  /** https://host/path */
  url(host: string, pathname?: string): string;
  /** Every request answered, in order. */
  seen: { host: string; path: string }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.gif': 'image/gif',
  '.json': 'application/json',
  '.php': 'text/html; charset=utf-8',
};

/** A transparent 1x1 GIF (43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const YEAR = 365 * 24 * 3600;

function makeCert(): { key: Buffer; cert: Buffer; spki: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kk-fixture-cert-'));
  try {
    const san = HTTPS_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
        .concat(['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')])
        .concat(['-subj', '/CN=kieskluis-fixture', '-addext', `subjectAltName=${san}`]),
      { stdio: 'ignore' },
    );
    const key = readFileSync(path.join(dir, 'key.pem'));
    const cert = readFileSync(path.join(dir, 'cert.pem'));
    const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { key, cert, spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let hugePage: string | null = null;
function huge(): string {
  if (hugePage) return hugePage;
  const parts = ['<!doctype html><html lang="nl"><head><title>Groot</title></head><body><h1>Heel groot</h1>'];
  for (let i = 0; i < 40_000; i++) {
    parts.push(
      `<p>Alinea ${i}: ${'lorem ipsum dolor sit amet '.repeat(6)}<a href="/p${i}">link ${i}</a></p>`,
    );
  }
  parts.push('</body></html>');
  hugePage = parts.join('\n');
  return hugePage;
}

/** Page N of the generated site: links onwards, a first-party image and the GA stand-in. */
function generated(n: number): string {
  const links = [1, 2, 3].map((k) => `<li><a href="/p/${n + k}">Pagina ${n + k}</a></li>`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pagina ${n}</title>
<script async src="https://www.google-analytics.com/analytics.js"></script></head>
<body><h1>Pagina ${n}</h1><p>${'Tekst over het programma. '.repeat(40)}</p><ul>${links}</ul>
<img src="/logo.gif" width="40" height="40" alt=""></body></html>`;
}

function cookiesFor(host: string, pathname: string, isHtml: boolean): string[] {
  const id = () => randomBytes(12).toString('hex');
  const third = `Path=/; Max-Age=${YEAR}; Secure; SameSite=None`;
  if (host === 'partij.test' && isHtml) return [`PHPSESSID=${id()}; Path=/; HttpOnly; Secure; SameSite=Lax`];
  if (host === 'www.facebook.com' && pathname === '/tr')
    return [`fr=${id()}; Domain=.facebook.com; ${third}; HttpOnly`];
  if (host === 'www.facebook.com' && pathname.startsWith('/plugins/')) {
    return [`datr=${id()}; Domain=.facebook.com; ${third}; HttpOnly`];
  }
  if (host === 'px.ads.linkedin.com') return [`bcookie=${id()}; Domain=.linkedin.com; ${third}`];
  return [];
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, seen: FixtureServer['seen']): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(req.url ?? '/', `https://${host}`);
  seen.push({ host, path: url.pathname });
  res.setHeader('cache-control', 'no-store');

  if (host === 'lus.test') {
    const n = Number(url.searchParams.get('n') ?? '0');
    res.writeHead(302, { location: `/lus?n=${(n + 1) % 2}` }).end();
    return;
  }
  if (host === 'traag.test') {
    res.writeHead(200, { 'content-type': TYPES['.html'] as string });
    res.write('<!doctype html><html><head><title>Traag</title></head><body><h1>Laadt eeuwig</h1>');
    const timer = setInterval(() => res.write(`<p>nog even… ${Date.now()}</p>\n`), 300);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (host === 'groot.test') {
    res.writeHead(200, { 'content-type': TYPES['.html'] as string }).end(huge());
    return;
  }
  if (host === 'veel.test' && url.pathname.startsWith('/p/')) {
    res
      .writeHead(200, { 'content-type': TYPES['.html'] as string })
      .end(generated(Number(url.pathname.slice(3)) || 0));
    return;
  }
  const cookies = (isHtml: boolean) => cookiesFor(host, url.pathname, isHtml);
  // Pixels and beacon endpoints of the tracker stand-ins.
  if (url.pathname === '/tr' || (host === 'px.ads.linkedin.com' && url.pathname === '/collect')) {
    res.writeHead(200, { 'content-type': 'image/gif', 'set-cookie': cookies(false) }).end(PIXEL_GIF);
    return;
  }
  if (url.pathname.endsWith('/collect')) {
    res.writeHead(204, { 'set-cookie': cookies(false) }).end();
    return;
  }
  let file = path.join(SITES_DIR, host, decodeURIComponent(url.pathname));
  if (!file.startsWith(path.join(SITES_DIR, host))) {
    res.writeHead(400).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': TYPES['.html'] as string }).end('<h1>Niet gevonden</h1>');
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'set-cookie': cookies(type.startsWith('text/html')) });
  res.end(readFileSync(file));
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const { key, cert, spki } = makeCert();
  const seen: FixtureServer['seen'] = [];
  const server = https.createServer({ key, cert }, (req, res) => handle(req, res, seen));
  // Plain HTTP behind an https:// name: the TLS handshake fails (tls-kapot.test).
  const plain = http.createServer((_req, res) => res.writeHead(400).end('not tls'));
  const sockets = new Set<import('node:net').Socket>();
  for (const s of [server, plain]) {
    s.on('connection', (c) => {
      sockets.add(c);
      c.on('close', () => sockets.delete(c));
    });
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const plainPort = (plain.address() as AddressInfo).port;
  // Specific rules first: the first matching rule wins; everything else resolves nowhere.
  const rules = [
    ...HTTPS_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`),
    `MAP tls-kapot.test 127.0.0.1:${plainPort}`,
    'MAP dicht.test 127.0.0.1:1',
    'MAP * ~NOTFOUND',
  ].join(', ');
  return {
    port,
    browserArgs: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${spki}`],
    url: (host, pathname = '/') => `https://${host}${pathname}`,
    seen,
    close: async () => {
      for (const c of sockets) c.destroy();
      await Promise.all([
        new Promise<void>((r) => server.close(() => r())),
        new Promise<void>((r) => plain.close(() => r())),
      ]);
    },
  };
}

/**
 * Serves the built web app (dist/web) with a strict Content-Security-Policy: scripts only from this origin,
 * styles only from this origin or with the per-request nonce (Mantine injects one <style>), no
 * third-party origins at all. Non-API paths fall back to index.html (client-side routes).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server code');
    dir = up;
  }
  return dir;
}

export function appCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Web-app routes are not part of the API description. */
const HIDDEN = { schema: { hide: true } };

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export async function installWeb(app: FastifyInstance): Promise<{ built: boolean }> {
  const dir = path.join(repoRoot(), 'dist', 'web');
  const indexFile = path.join(dir, 'index.html');
  const built = existsSync(indexFile);
  const index = built ? readFileSync(indexFile, 'utf8') : null;

  const sendIndex = (_req: FastifyRequest, reply: FastifyReply) => {
    if (!index) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'De webapp is nog niet gebouwd (npm run build). The web app has not been built yet (npm run build).',
        );
    }
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('content-security-policy', appCsp(nonce))
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(index.replaceAll('__CSP_NONCE__', nonce));
  };

  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/assets-root/',
      index: false,
      wildcard: false,
      serve: false,
    });
    app.get('/assets/*', HIDDEN, (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .sendFile(path.join('assets', rel), dir);
    });
    for (const file of ['favicon.svg', 'robots.txt']) {
      if (existsSync(path.join(dir, file))) {
        app.get(`/${file}`, HIDDEN, (_req, reply) =>
          reply.header('cache-control', 'public, max-age=86400').sendFile(file, dir),
        );
      }
    }
  }
  app.get('/', HIDDEN, sendIndex);
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      return sendIndex(req, reply);
    }
    return sendError(req, reply, 'ROUTE_NOT_FOUND');
  });
  return { built };
}

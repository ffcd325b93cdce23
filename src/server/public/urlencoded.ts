/**
 * application/x-www-form-urlencoded for the public forms only (no extra package): registered inside the
 * public routes' plugin, so the JSON API keeps refusing other content types. A repeated name becomes an
 * array (one checkbox per purpose). Bodies are small: a form is a few fields.
 */
import type { FastifyInstance } from 'fastify';

export const FORM_BODY_LIMIT = 32 * 1024;

export type FormBody = Record<string, string | string[]>;

export function parseUrlencoded(text: string): FormBody {
  const out: FormBody = Object.create(null);
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function installUrlencoded(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_req, body, done) => {
      done(null, parseUrlencoded(body as string));
    },
  );
}

/** One value of a field (the first when repeated), trimmed. */
export function one(body: FormBody | undefined, name: string): string {
  const v = many(body, name)[0];
  return (v ?? '').trim();
}

/** Every (string) value of a field. */
export function many(body: FormBody | undefined, name: string): string[] {
  const v: unknown = body && Object.hasOwn(body, name) ? body[name] : undefined;
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string');
}

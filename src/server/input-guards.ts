/**
 * Edge guards that apply to every route before its schema: text containing NUL characters cannot be
 * stored by PostgreSQL and is refused here, naming the field, instead of failing in the database.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/codes.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}${path ? '.' : ''}${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, `${path}${path ? '.' : ''}${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const field = findNul(value, '');
      if (field) {
        throw new DomainError('VALIDATION_FAILED', {
          in: where,
          fields: [{ field, problem: 'contains a NUL character' }],
        });
      }
    }
  });
}

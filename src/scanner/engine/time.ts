/** Bounded waiting: nothing in a scan may wait longer than its budget, whatever the page does. */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Resolves like `p`, or rejects with TimeoutError after `ms`. `p` keeps running; its rejection is swallowed. */
export function within<T>(p: Promise<T>, ms: number, what = 'step'): Promise<T> {
  p.catch(() => {});
  if (ms <= 0) return Promise.reject(new TimeoutError(what, 0));
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Like `within`, but yields `fallback` on timeout or error instead of rejecting. */
export async function settleWithin<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  try {
    return await within(p, ms);
  } catch {
    return fallback;
  }
}

/** Milliseconds left until `deadline` (epoch ms), never negative. */
export const left = (deadline: number): number => Math.max(0, deadline - Date.now());

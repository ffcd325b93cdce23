/**
 * The real server in-process (Fastify inject, no mocks) on a fresh database with the demo party loaded,
 * and a small client that keeps cookies and the CSRF token like a browser does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kernel, WebsiteScannerOptions } from '../../src/app/kernel.js';
import { buildServer } from '../../src/server/app.js';
import { totpCode, totpStep } from '../../src/storage/crypto/totp.js';
import { type DemoLogin, loadDemo } from '../../src/usecases/demo/load-demo.js';
import { type EngineName, testKernel } from './engines.js';

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  logins: DemoLogin[];
  /** The test clock: move it with `clock.set(...)` / `clock.advance(ms)`. */
  clock: { now(): Date; set(d: Date): void; advance(ms: number): void };
  operatorSecret: string;
  client(): Client;
  close(): Promise<void>;
}

export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    opts: { body?: unknown; headers?: Record<string, string>; csrf?: boolean; raw?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      payload: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = res.headers['content-type']?.toString().includes('json') ? res.json() : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return res;
  }

  /** Password step only; returns the response. */
  async logInPassword(username: string, password: string) {
    await this.request('GET', '/api/v1/auth/session');
    return this.request('POST', '/api/v1/auth/login', { body: { username, password } });
  }

  /** Full login (password + TOTP) for an enrolled demo account. */
  async logIn(login: DemoLogin, at: Date) {
    const r = await this.logInPassword(login.username, login.password);
    if (r.statusCode !== 200) throw new Error(`login failed: ${r.body}`);
    if (!login.totpSecret) throw new Error(`${login.username} is not enrolled`);
    const m = await this.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: totpCode(login.totpSecret, totpStep(at)) },
    });
    if (m.statusCode !== 200) throw new Error(`mfa failed: ${m.body}`);
    return m;
  }
}

export async function startTestApp(
  engine: EngineName,
  opts: {
    overrides?: Record<string, string>;
    /** Start the job queue (also needs `KIESKLUIS_JOBS: 'true'` in overrides). */
    startJobs?: boolean;
    /** The website scanner's browser, e.g. host-resolver rules for fixture sites. */
    websiteScanner?: WebsiteScannerOptions;
  } = {},
): Promise<TestApp> {
  let current = new Date();
  const clock = {
    now: () => current,
    set: (d: Date) => {
      current = d;
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
  const t = await testKernel(engine, {
    overrides: opts.overrides,
    now: () => clock.now(),
    startJobs: opts.startJobs,
    websiteScanner: opts.websiteScanner,
  });
  const demo = await loadDemo(t.kernel, { persons: 120 });
  const operatorSecret = 'kko_test-operator-secret';
  const app = await buildServer(t.kernel, { operatorSecret, logger: false });
  await app.ready();
  return {
    app,
    kernel: t.kernel,
    logins: demo.logins,
    clock,
    operatorSecret,
    client: () => new Client(app),
    async close() {
      await app.close();
      await t.close();
    },
  };
}

export function login(app: TestApp, username: string): DemoLogin {
  const l = app.logins.find((x) => x.username === username);
  if (!l) throw new Error(`no demo login ${username}`);
  return l;
}

/**
 * The load generator of bench/signup-load.ts, in its own process (so client and server each get a core):
 * autocannon on loopback posting urlencoded form bodies, one body per request. Each body is built from
 * `fields`, with `{n}` replaced by a run-wide request number (unique e-mail addresses) and, when
 * `tokens` is given, the field `tokenField` set to the next unused token (a token per request).
 *
 *   node --import tsx bench/lib/load-client.ts /tmp/config.json   → prints one line `RESULT {json}`
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadConfig {
  url: string;
  path: string;
  connections: number;
  /** Run for this many seconds, or… */
  duration?: number;
  /** …send exactly this many requests (used when every request needs its own token). */
  amount?: number;
  fields: Record<string, string>;
  tokens?: string[];
  tokenField?: string;
  /** First value of `{n}` (so a warm-up and the measured run never reuse an address). */
  startAt?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

const configFile = process.argv[2];
if (!configFile) throw new Error('usage: load-client.ts CONFIG.json');
const cfg = JSON.parse(readFileSync(configFile, 'utf8')) as LoadConfig;

let n = cfg.startAt ?? 0;
let t = 0;
function body(): string {
  const i = n++;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(cfg.fields)) params.set(k, v.replaceAll('{n}', String(i)));
  if (cfg.tokens && cfg.tokenField) params.set(cfg.tokenField, cfg.tokens[t++ % cfg.tokens.length]!);
  return params.toString();
}

const result = await autocannon({
  url: cfg.url,
  connections: cfg.connections,
  duration: cfg.duration ?? 10,
  amount: cfg.amount,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: cfg.path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...cfg.headers },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }),
    },
  ],
});

const statusCodes: Record<string, number> = {};
for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) {
  statusCodes[code] = Number(s.count);
}
const out: LoadResult = {
  requests: result.requests.total,
  durationSeconds: result.duration,
  reqPerSec: result.requests.total / result.duration,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    max: result.latency.max,
  },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusCodes,
};
console.log(`RESULT ${JSON.stringify(out)}`);

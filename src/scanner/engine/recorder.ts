/**
 * Records what one phase of one page visit does: requests (with initiator, frame, status, size), which
 * response or script set each cookie, and frames. Everything raw; `finish` turns it into observations
 * once the page's site is known (after redirects). Never keeps cookie or storage values.
 */
import type { BrowserContext, CDPSession, Frame, Page, Request, Response } from 'playwright-core';
import type { ObservedFrame, ObservedRequest, Phase } from '../types.js';
import { hostOf, isThirdParty } from './site.js';
import { settleWithin } from './time.js';

/** Name of the hidden per-window log of `document.cookie` writes (see COOKIE_LOG_SCRIPT). */
export const COOKIE_LOG_KEY = '__kieskluisCookieLog';

/**
 * Init script: remembers which script wrote each cookie through `document.cookie` (the first http(s)
 * URL on the stack; an inline script shows as its document's URL). Only the cookie's name is kept.
 */
export const COOKIE_LOG_SCRIPT = `(() => {
  try {
    const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (!d || !d.set || !d.get) return;
    const log = [];
    Object.defineProperty(window, '${COOKIE_LOG_KEY}', { value: log, enumerable: false });
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true, enumerable: d.enumerable, get: d.get,
      set(v) {
        try {
          if (log.length < 2000) {
            const name = String(v).split(';')[0].split('=')[0].trim();
            const m = /(https?:\\/\\/[^\\s)]+?):\\d+:\\d+/.exec(new Error().stack || '');
            log.push([name, m ? m[1] : location.href]);
          }
        } catch (e) {}
        return d.set.call(this, v);
      },
    });
  } catch (e) {}
})();`;

interface RawRequest {
  request: Request;
  url: string;
  method: string;
  resourceType: string;
  frameUrl: string;
  referer: string | null;
  status: number | null;
  bytes: number | null;
  pixel: boolean;
  startedAt: number;
  done: boolean;
}

export interface SetCookieRecord {
  name: string;
  /** Domain attribute without leading dot, or the response host for host-only cookies. */
  domain: string;
  url: string;
}

/** Width and height of a GIF or PNG, from its first bytes. */
export function imageSize(body: Buffer): { w: number; h: number } | null {
  if (body.length >= 10 && body.subarray(0, 4).toString('latin1') === 'GIF8') {
    return { w: body.readUInt16LE(6), h: body.readUInt16LE(8) };
  }
  if (body.length >= 24 && body.readUInt32BE(0) === 0x89504e47) {
    return { w: body.readUInt32BE(16), h: body.readUInt32BE(20) };
  }
  return null;
}

/** Name and domain of one Set-Cookie header line. */
export function parseSetCookie(line: string, responseHost: string): { name: string; domain: string } | null {
  const name = (line.split(';')[0] ?? '').split('=')[0]?.trim() ?? '';
  if (!name) return null;
  const domainAttr = /;\s*domain\s*=\s*([^;]+)/i.exec(line)?.[1]?.trim().replace(/^\./, '').toLowerCase();
  return { name, domain: domainAttr || responseHost };
}

export class PhaseRecorder {
  private readonly raw: RawRequest[] = [];
  private readonly byRequest = new Map<Request, RawRequest>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly cdpInitiators = new Map<string, string[]>();
  private readonly frameUrls = new Set<string>();
  readonly setCookies: SetCookieRecord[] = [];
  lastActivity = Date.now();
  private cdp: CDPSession | null = null;

  constructor(readonly phase: Phase) {}

  async attach(context: BrowserContext, page: Page): Promise<void> {
    await context.addInitScript({ content: COOKIE_LOG_SCRIPT });
    context.on('request', (r) => this.onRequest(r));
    context.on('response', (r) => this.onResponse(r));
    context.on('requestfinished', (r) => this.onDone(r, false));
    context.on('requestfailed', (r) => this.onDone(r, true));
    page.on('framenavigated', (f: Frame) => {
      if (f !== page.mainFrame()) this.noteFrame(f.url());
    });
    // Initiators (which script asked for a request) come only from the DevTools protocol.
    try {
      this.cdp = await context.newCDPSession(page);
      this.cdp.on('Network.requestWillBeSent', (e) => {
        const init = e.initiator;
        const url =
          init.stack?.callFrames[0]?.url || init.stack?.parent?.callFrames[0]?.url || init.url || '';
        if (!url) return;
        const list = this.cdpInitiators.get(e.request.url) ?? [];
        list.push(url);
        this.cdpInitiators.set(e.request.url, list);
      });
      await this.cdp.send('Network.enable');
    } catch {
      this.cdp = null;
    }
  }

  noteFrame(url: string): void {
    if (hostOf(url)) this.frameUrls.add(url);
  }

  private track(p: Promise<unknown>): void {
    const q = p.catch(() => {}).finally(() => this.pending.delete(q));
    this.pending.add(q);
  }

  private onRequest(request: Request): void {
    this.lastActivity = Date.now();
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // service worker request: no frame
    }
    const raw: RawRequest = {
      request,
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      frameUrl,
      referer: request.headers().referer ?? null,
      status: null,
      bytes: null,
      pixel: false,
      startedAt: Date.now(),
      done: false,
    };
    this.raw.push(raw);
    this.byRequest.set(request, raw);
  }

  private onResponse(response: Response): void {
    this.lastActivity = Date.now();
    const raw = this.byRequest.get(response.request());
    if (raw) raw.status = response.status();
    const host = hostOf(response.url());
    this.track(
      response.headerValues('set-cookie').then((values) => {
        for (const value of values) {
          for (const line of value.split('\n')) {
            const parsed = parseSetCookie(line, host);
            if (parsed) this.setCookies.push({ ...parsed, url: response.url() });
          }
        }
      }),
    );
  }

  private onDone(request: Request, failed: boolean): void {
    this.lastActivity = Date.now();
    const raw = this.byRequest.get(request);
    if (!raw) return;
    raw.done = true;
    if (failed) return;
    this.track(
      (async () => {
        const sizes = await request.sizes();
        raw.bytes = sizes.responseBodySize;
        if (raw.resourceType === 'image' && raw.bytes <= 4096) {
          const body = await (await request.response())?.body();
          const size = body ? imageSize(body) : null;
          raw.pixel = size !== null && size.w <= 1 && size.h <= 1;
        }
      })(),
    );
  }

  /** Requests still open that started less than `maxAgeMs` ago (long polls and streams do not count). */
  inflight(maxAgeMs = 2_500): number {
    const now = Date.now();
    let n = 0;
    for (const r of this.raw) if (!r.done && now - r.startedAt < maxAgeMs) n++;
    return n;
  }

  /** Waits (bounded) for sizes and Set-Cookie headers still being read. */
  async drain(ms: number): Promise<void> {
    await settleWithin(Promise.all([...this.pending]), ms, []);
    if (this.cdp) await settleWithin(this.cdp.detach(), 500, undefined);
    this.cdp = null;
  }

  requests(pageHost: string): ObservedRequest[] {
    const queues = new Map([...this.cdpInitiators].map(([k, v]) => [k, [...v]]));
    return this.raw.map((r) => {
      const host = hostOf(r.url);
      let path = '';
      try {
        const u = new URL(r.url);
        path = u.pathname;
      } catch {
        path = '';
      }
      const initiator = queues.get(r.url)?.shift() ?? r.referer ?? null;
      return {
        phase: this.phase,
        url: r.url,
        host,
        path,
        method: r.method,
        resourceType: r.resourceType,
        initiator,
        frameUrl: r.frameUrl,
        thirdParty: isThirdParty(host, pageHost),
        status: r.status,
        responseBytes: r.bytes,
        beaconLike:
          r.resourceType === 'ping' ||
          r.resourceType === 'beacon' ||
          (r.resourceType === 'image' && (r.pixel || (r.bytes !== null && r.bytes <= 100))),
      };
    });
  }

  frames(pageHost: string, current: readonly string[]): ObservedFrame[] {
    for (const url of current) this.noteFrame(url);
    return [...this.frameUrls].map((url) => {
      const host = hostOf(url);
      return { phase: this.phase, url, host, thirdParty: isThirdParty(host, pageHost) };
    });
  }
}

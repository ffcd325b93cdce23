/**
 * End-of-phase collection: cookies (with who set them), localStorage and sessionStorage keys of every
 * reachable frame, and the page's links. Values never leave the browser: only names, keys and lengths.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { ObservedCookie, ObservedStorage, Phase } from '../types.js';
import { COOKIE_LOG_KEY, type SetCookieRecord } from './recorder.js';
import { isThirdParty } from './site.js';
import { settleWithin } from './time.js';

interface ScriptWrite {
  name: string;
  url: string;
}

interface FrameStorage {
  origin: string;
  items: [kind: 'localStorage' | 'sessionStorage', key: string, length: number][];
  writes: [name: string, url: string][];
}

/** Runs in each frame: storage keys with value lengths, and the cookie-write log of the init script. */
function readFrame(logKey: string): FrameStorage | null {
  const out: FrameStorage = { origin: location.origin, items: [], writes: [] };
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    try {
      const s = window[kind];
      for (let i = 0; i < s.length && i < 1000; i++) {
        const key = s.key(i);
        if (key !== null) out.items.push([kind, key, (s.getItem(key) ?? '').length]);
      }
    } catch {
      // storage blocked in this frame
    }
  }
  const log = (window as unknown as Record<string, unknown>)[logKey];
  if (Array.isArray(log)) out.writes = log.slice(0, 2000) as [string, string][];
  return out;
}

export interface FrameData {
  storage: ObservedStorage[];
  scriptWrites: ScriptWrite[];
}

export async function readFrames(page: Page, phase: Phase, ms: number): Promise<FrameData> {
  const storage: ObservedStorage[] = [];
  const scriptWrites: ScriptWrite[] = [];
  const seen = new Set<string>();
  const frames: Frame[] = page.isClosed() ? [] : page.frames().slice(0, 50);
  const results = await Promise.all(
    frames.map((f) => settleWithin(f.evaluate(readFrame, COOKIE_LOG_KEY), ms, null)),
  );
  for (const r of results) {
    if (!r || r.origin === 'null') continue;
    for (const [kind, key, valueLength] of r.items) {
      const id = `${kind}\u0000${r.origin}\u0000${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      storage.push({ phase, kind, origin: r.origin, key, valueLength });
    }
    for (const [name, url] of r.writes) scriptWrites.push({ name, url });
  }
  return { storage, scriptWrites };
}

function domainMatches(cookieDomain: string, setDomain: string): boolean {
  const c = cookieDomain.replace(/^\./, '').toLowerCase();
  return c === setDomain.toLowerCase();
}

export async function readCookies(
  context: BrowserContext,
  phase: Phase,
  pageHost: string,
  setCookies: readonly SetCookieRecord[],
  scriptWrites: readonly ScriptWrite[],
  ms: number,
): Promise<{ cookies: ObservedCookie[]; redact: (url: string) => string }> {
  const cookies = await settleWithin(context.cookies(), ms, []);
  const values = cookies.filter((c) => c.value.length >= 8).map((c) => ({ name: c.name, value: c.value }));
  const observed = cookies.map((c): ObservedCookie => {
    // The last write wins: look from the end.
    const byResponse = [...setCookies]
      .reverse()
      .find((s) => s.name === c.name && domainMatches(c.domain, s.domain));
    const byScript = [...scriptWrites].reverse().find((s) => s.name === c.name);
    const setBy: ObservedCookie['setBy'] = byResponse
      ? { kind: 'response', url: byResponse.url }
      : byScript
        ? { kind: 'script', url: byScript.url }
        : { kind: 'script', url: null };
    return {
      phase,
      name: c.name,
      domain: c.domain,
      path: c.path,
      expires: c.expires,
      httpOnly: c.httpOnly,
      secure: c.secure,
      sameSite: c.sameSite,
      thirdParty: isThirdParty(c.domain, pageHost),
      valueLength: c.value.length,
      setBy,
    };
  });
  return { cookies: observed, redact: (url) => redactValues(url, values) };
}

/**
 * Replaces cookie values that a tracker copied into a URL (a client id in a beacon's query) with
 * `[cookie:name]`, so a request URL never carries a cookie value into the observation.
 */
export function redactValues(url: string, values: readonly { name: string; value: string }[]): string {
  let out = url;
  for (const { name, value } of values) {
    for (const form of new Set([value, encodeURIComponent(value)])) {
      if (out.includes(form)) out = out.split(form).join(`[cookie:${name}]`);
    }
  }
  return out;
}

/** All `<a href>` targets of the main document (absolute), at most `max`. */
export async function readLinks(page: Page, ms: number, max = 2000): Promise<string[]> {
  if (page.isClosed()) return [];
  return settleWithin(
    page.evaluate((n) => {
      const out: string[] = [];
      const anchors = document.querySelectorAll('a[href]');
      for (let i = 0; i < anchors.length && out.length < n; i++) {
        const href = (anchors[i] as HTMLAnchorElement).href;
        if (href) out.push(href);
      }
      return out;
    }, max),
    ms,
    [],
  );
}

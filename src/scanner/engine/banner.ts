/**
 * Finds the consent banner without user presets and clicks accept or reject: first the buttons of
 * common consent platforms by id or class, then any visible button or link whose text is a Dutch or
 * English accept/reject phrase, in the page and its frames (open shadow roots included).
 */
import type { Frame, Page } from 'playwright-core';
import { left, settleWithin, sleep } from './time.js';

export type BannerAction = 'accept' | 'reject';

export const CMP_SELECTORS: Record<BannerAction, readonly string[]> = {
  accept: [
    '#onetrust-accept-btn-handler',
    '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
    '#CybotCookiebotDialogBodyButtonAccept',
    '[data-cookiefirst-action="accept"]',
    '#didomi-notice-agree-button',
    '[data-testid="uc-accept-all-button"]',
    '.cky-btn-accept',
    '.cmplz-accept',
    '#wt-cli-accept-all-btn',
    '.fc-cta-consent',
    '.cc-allow',
    '.cc-accept',
  ],
  reject: [
    '#onetrust-reject-all-handler',
    '#CybotCookiebotDialogBodyButtonDecline',
    '[data-cookiefirst-action="reject"]',
    '#didomi-notice-disagree-button',
    '[data-testid="uc-deny-all-button"]',
    '.cky-btn-reject',
    '.cmplz-deny',
    '#wt-cli-reject-btn',
    '.fc-cta-do-not-consent',
    '.cc-deny',
  ],
};

/** Normalised button texts, best first. A text may also start with one of these (lower priority). */
export const BUTTON_TEXTS: Record<BannerAction, readonly string[]> = {
  accept: [
    'alles accepteren',
    'alle cookies accepteren',
    'accepteer alle cookies',
    'accepteer alles',
    'cookies accepteren',
    'accepteren',
    'accepteer',
    'alles toestaan',
    'alle cookies toestaan',
    'toestaan',
    'ik ga akkoord',
    'ja, ik ga akkoord',
    'akkoord',
    'accept all cookies',
    'accept all',
    'accept cookies',
    'accept',
    'allow all cookies',
    'allow all',
    'allow cookies',
    'allow',
    'i agree',
    'agree',
  ],
  reject: [
    'alles weigeren',
    'alle cookies weigeren',
    'weiger alle cookies',
    'weiger alles',
    'cookies weigeren',
    'weigeren',
    'weiger',
    'alles afwijzen',
    'afwijzen',
    'wijs af',
    'niet akkoord',
    'alleen noodzakelijke cookies',
    'alleen noodzakelijke',
    'alleen noodzakelijk',
    'alleen functionele cookies',
    'doorgaan zonder accepteren',
    'reject all cookies',
    'reject all',
    'reject',
    'decline all',
    'decline',
    'deny all',
    'deny',
    'only necessary cookies',
    'only necessary',
    'necessary only',
    'use necessary cookies only',
    'continue without accepting',
  ],
};

export const MARK_ATTR = 'data-kieskluis-banner';

interface Hit {
  action: BannerAction;
  how: string;
}

/**
 * Runs in a frame: marks the best visible candidate for each action; returns how each was found.
 * Plain JavaScript in a string, so no transpiler helper (e.g. esbuild's `__name`) ends up in the page.
 */
export const FIND_IN_FRAME = `(args) => {
  const roots = [document];
  const all = document.querySelectorAll('*');
  for (let i = 0; i < all.length && i < 20000; i++) {
    const sr = all[i].shadowRoot;
    if (sr) roots.push(sr);
  }
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const st = getComputedStyle(el);
    return st.visibility !== 'hidden' && st.display !== 'none' && Number(st.opacity) > 0.05;
  };
  const norm = (s) => s.toLowerCase().replace(/[\u2713\u2714\u00d7\u2192\u203a\u00bb!.]/g, ' ').replace(/\\s+/g, ' ').trim();
  const hits = [];
  for (const action of ['accept', 'reject']) {
    let best = null;
    for (const root of roots) {
      for (const sel of args.selectors[action]) {
        for (const el of Array.from(root.querySelectorAll(sel))) {
          if (visible(el)) { best = { el, score: -1, how: 'selector ' + sel }; break; }
        }
        if (best) break;
      }
      if (best) break;
    }
    if (!best) {
      const list = args.texts[action];
      for (const root of roots) {
        const els = root.querySelectorAll('button, a, [role="button"], input[type="button"], input[type="submit"], [onclick]');
        for (let i = 0; i < els.length && i < 5000; i++) {
          const el = els[i];
          const content = el.textContent || '';
          const raw = el.tagName === 'INPUT' ? el.value || '' : content.length > 80 ? '' : content;
          const text = norm(raw || el.getAttribute('aria-label') || '');
          if (!text || text.length > 60) continue;
          let score = list.indexOf(text);
          if (score < 0) {
            const prefix = list.findIndex((t) => text.startsWith(t + ' '));
            score = prefix < 0 ? -1 : 100 + prefix;
          }
          if (score < 0 || (best && best.score <= score) || !visible(el)) continue;
          best = { el, score, how: 'tekst/text "' + text + '"' };
        }
      }
    }
    if (best) {
      best.el.setAttribute(args.attr, action);
      hits.push({ action, how: best.how });
    }
  }
  return hits;
}`;

export interface BannerSearch {
  frame: Frame;
  action: BannerAction;
  how: string;
}

/** One pass over the page and its frames; the main frame first. */
export async function searchBanner(
  page: Page,
  action: BannerAction,
  ms: number,
): Promise<BannerSearch | null> {
  if (page.isClosed()) return null;
  const frames = page.frames().slice(0, 30);
  const results = await Promise.all(
    frames.map((frame) =>
      settleWithin(
        frame.evaluate(
          `(${FIND_IN_FRAME})(${JSON.stringify({ selectors: CMP_SELECTORS, texts: BUTTON_TEXTS, attr: MARK_ATTR })})`,
        ) as Promise<Hit[]>,
        ms,
        [] as Hit[],
      ),
    ),
  );
  let other: BannerSearch | null = null;
  for (let i = 0; i < frames.length; i++) {
    for (const hit of results[i] ?? []) {
      const found = { frame: frames[i] as Frame, action: hit.action, how: hit.how };
      if (hit.action === action) return found;
      other ??= found;
    }
  }
  return other;
}

/** Polls for the banner until `deadline` (banners are often injected a moment after load). */
export async function waitForBanner(
  page: Page,
  action: BannerAction,
  deadline: number,
): Promise<BannerSearch | null> {
  let last: BannerSearch | null = null;
  for (;;) {
    const found = await searchBanner(page, action, Math.min(1500, Math.max(200, left(deadline))));
    if (found?.action === action) return found;
    last = found ?? last;
    if (left(deadline) < 300) return last;
    await sleep(250);
  }
}

/** Clicks the marked button like a user; falls back to a DOM click when something covers it. */
export async function clickMarked(found: BannerSearch, ms: number): Promise<boolean> {
  const loc = found.frame.locator(`[${MARK_ATTR}="${found.action}"]`).first();
  try {
    await loc.click({ timeout: Math.max(200, ms) });
    return true;
  } catch {
    return settleWithin(
      loc.evaluate((el) => {
        (el as HTMLElement).click();
        return true;
      }),
      Math.max(200, ms),
      false,
    );
  }
}

/**
 * What an offline capture may ask (issue 3 C2, R-14): the purposes that have a consent text, each with the
 * current (newest) text version per language, to read out or show. For everyone who may record an
 * offline consent (`consent:record`: staff and volunteers); no personal data, so no read audit. A purpose
 * whose campaign has ended (`scopeUntil` passed, R-20) is left out: a consent to it would lapse at once.
 */
import type { Actor } from '../../domain/access/actor.js';
import { startOfDayAfterNl } from '../../domain/consent/assess.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentRecorder } from './authorize-consent.js';

export interface CaptureText {
  /** The text version to record as shown. */
  id: string;
  language: ConsentLanguage;
  version: number;
  /** The express statement the person agrees to. */
  statement: string;
  /** The whole request as shown (statement, controller, data, withdrawal). */
  fullText: string;
}

export interface CaptureOption {
  id: string;
  name: string;
  description: string;
  /** Reveals a political opinion: an express statement is needed (art 9(2)(a), R-17). */
  political: boolean;
  scopeUntil: string | null;
  texts: CaptureText[];
}

export async function listCaptureOptions(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<CaptureOption[]> {
  await consentRecorder(d, actor, 'consent.capture_options');
  const now = d.now();
  const purposes = (await consentCatalogueRepo.listPurposes(d.db)).filter(
    (p) => p.scopeUntil === null || now.getTime() < startOfDayAfterNl(p.scopeUntil).getTime(),
  );
  const texts = await consentCatalogueRepo.latestTexts(
    d.db,
    purposes.map((p) => p.id),
  );
  const byPurpose = new Map<string, CaptureText[]>();
  for (const t of texts) {
    const list = byPurpose.get(t.purposeId) ?? [];
    list.push({
      id: t.id,
      language: t.language,
      version: t.version,
      statement: t.statement,
      fullText: t.fullText,
    });
    byPurpose.set(t.purposeId, list);
  }
  return purposes
    .filter((p) => byPurpose.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      political: p.political,
      scopeUntil: p.scopeUntil,
      // Dutch first (the source language), then the others.
      texts: byPurpose.get(p.id)!.sort((a, b) => Number(a.language !== 'nl') - Number(b.language !== 'nl')),
    }));
}

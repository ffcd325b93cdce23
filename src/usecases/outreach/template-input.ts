/**
 * The check every template passes before it is stored: shape problems are
 * VALIDATION_FAILED naming the field; legal findings are refused with every reason (Appendix C.0), the
 * first as the error code, and the refusal is audited.
 */
import { CODES, DomainError } from '../../domain/codes.js';
import {
  checkTemplate,
  refusalReasons,
  type TemplateContent,
  type TemplateFinding,
} from '../../domain/outreach/templates.js';
import type { Deps } from '../deps.js';
import type { OutreachActor } from './authorize-outreach.js';

export interface TemplateInput {
  name: string;
  content: TemplateContent;
}

/** The findings with the code's Dutch and English message (the web shows them live). */
export function describeFindings(findings: readonly TemplateFinding[]) {
  return findings.map((f) => ({ ...f, nl: CODES[f.code].nl, en: CODES[f.code].en }));
}

export async function assertTemplateAllowed(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  who: OutreachActor,
  input: TemplateInput,
  objectId: string | null,
): Promise<void> {
  const fields: { field: string; problem: string }[] = [];
  if (!input.name.trim() || input.name.length > 200)
    fields.push({ field: 'name', problem: '1–200 characters' });
  const findings = checkTemplate(input.content);
  for (const f of findings.filter((x) => x.code === 'VALIDATION_FAILED'))
    fields.push({ field: `content.${f.language}.${f.part}`, problem: f.detail });
  if (fields.length) throw new DomainError('VALIDATION_FAILED', { in: 'body', fields });
  const reasons = refusalReasons(findings);
  if (reasons.length === 0) return;
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: 'outreach.template_refused',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'campaign_template',
          objectId,
          data: { reasons },
        },
      ],
      d.now(),
    ),
  );
  throw new DomainError(reasons[0]!, { reasons, findings: describeFindings(findings) });
}

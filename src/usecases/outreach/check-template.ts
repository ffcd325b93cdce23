/** The live check of a template being written: findings with Dutch/English messages. */
import type { Actor } from '../../domain/access/actor.js';
import { checkTemplate, refusalReasons, type TemplateContent } from '../../domain/outreach/templates.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';
import { describeFindings } from './template-input.js';

export async function checkTemplateDraft(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  content: TemplateContent,
) {
  await outreachSender(d, actor, 'outreach.template_check');
  const findings = checkTemplate(content);
  return {
    ok: findings.length === 0,
    reasons: refusalReasons(findings),
    findings: describeFindings(findings),
  };
}

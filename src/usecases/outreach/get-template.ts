/** One campaign template version (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { campaignTemplatesRepo, type TemplateRow } from '../../storage/campaign-templates-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';

export async function getTemplate(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<TemplateRow> {
  await outreachSender(d, actor, 'outreach.template_get', { objectType: 'campaign_template', objectId: id });
  const row = await campaignTemplatesRepo.get(d.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

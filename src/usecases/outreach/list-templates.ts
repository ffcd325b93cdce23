/** The current version of every campaign template (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { campaignTemplatesRepo, type TemplateRow } from '../../storage/campaign-templates-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';

export async function listTemplates(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<TemplateRow[]> {
  await outreachSender(d, actor, 'outreach.template_list');
  return campaignTemplatesRepo.listCurrent(d.db);
}

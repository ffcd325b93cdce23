/** Create a campaign template (version 1) after the checks. */
import type { Actor } from '../../domain/access/actor.js';
import { campaignTemplatesRepo, type TemplateRow } from '../../storage/campaign-templates-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';
import { assertTemplateAllowed, type TemplateInput } from './template-input.js';

export async function createTemplate(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: TemplateInput,
): Promise<TemplateRow> {
  const who = await outreachSender(d, actor, 'outreach.template_create');
  await assertTemplateAllowed(d, who, input, null);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const row = await campaignTemplatesRepo.insert(
      tx,
      { familyId: null, version: 1, name: input.name.trim(), content: input.content, createdBy: who.userId },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.template_created',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'campaign_template',
          objectId: row.id,
          data: { familyId: row.familyId, version: 1 },
        },
      ],
      now,
    );
    return row;
  });
}

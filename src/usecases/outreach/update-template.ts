/**
 * Change a template. A version no campaign used yet changes in place; a used version is immutable, so
 * the change becomes a new version (the old one stays with the campaigns that used it).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { campaignTemplatesRepo, type TemplateRow } from '../../storage/campaign-templates-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';
import { assertTemplateAllowed, type TemplateInput } from './template-input.js';

export async function updateTemplate(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: TemplateInput,
): Promise<TemplateRow> {
  const object = { objectType: 'campaign_template', objectId: id };
  const who = await outreachSender(d, actor, 'outreach.template_update', object);
  await assertTemplateAllowed(d, who, input, id);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const current = await campaignTemplatesRepo.get(tx, id, true);
    if (!current) throw new DomainError('NOT_FOUND');
    if (current.supersededAt) throw new DomainError('TEMPLATE_SUPERSEDED');
    let row: TemplateRow;
    if (current.usedAt === null) {
      row = await campaignTemplatesRepo.update(tx, id, { name: input.name.trim(), content: input.content });
    } else {
      await campaignTemplatesRepo.supersede(tx, id, now);
      row = await campaignTemplatesRepo.insert(
        tx,
        {
          familyId: current.familyId,
          version: current.version + 1,
          name: input.name.trim(),
          content: input.content,
          createdBy: who.userId,
        },
        now,
      );
    }
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.template_updated',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'campaign_template',
          objectId: row.id,
          data: { familyId: row.familyId, version: row.version, previous: current.id },
        },
      ],
      now,
    );
    return row;
  });
}

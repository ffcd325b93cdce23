/**
 * Retract evidence (wrongly recorded, or the person withdrew the statement): it stays on record with who,
 * when and why, and no longer counts for a ground.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { EvidenceKind } from '../../storage/person-evidence-repo.js';
import type { Deps } from '../deps.js';
import { isRefusal, personWriter, type Refusal, raise, writablePerson } from './person-write-access.js';

export async function retractEvidence(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  kind: EvidenceKind,
  evidenceId: string,
  reason: string,
): Promise<void> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.retract_evidence');
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | null> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const e = await d.persons.evidence.find(tx, kind, evidenceId);
    if (!e || e.personId !== personId) return { refused: 'NOT_FOUND', audit: false };
    if (e.retractedAt) return { refused: 'EVIDENCE_ALREADY_RETRACTED', audit: false };
    await d.persons.evidence.retract(tx, kind, evidenceId, w.userId, reason, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'person.evidence_retracted',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: kind === 'public' ? 'public_evidence' : 'regular_contact_evidence',
          objectId: evidenceId,
        },
      ],
      now,
    );
    return null;
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.retract_evidence', personId });
}

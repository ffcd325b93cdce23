/**
 * Record manifestly-public evidence (R-07, CJEU C-252/21): the person's own active act to an unlimited
 * audience, with URL, quote, capture time and method, and the acting user as the reviewer. Likes,
 * follows, shares, group memberships, site visits and restricted audiences are refused with
 * NOT_MANIFESTLY_PUBLIC naming every problem; the refusal is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { checkPublicEvidence } from '../../domain/persons/evidence.js';
import type { ActiveAct } from '../../domain/persons/types.js';
import type { Deps } from '../deps.js';
import { isRefusal, personWriter, type Refusal, raise, writablePerson } from './person-write-access.js';

export interface PublicEvidenceInput {
  url: string | null;
  quote: string | null;
  capturedAt: Date | null;
  /** Any string: the domain refuses what is not an active act. */
  activeAct: string;
  audienceUnrestricted: boolean;
  captureMethod: string;
  topic: string;
}

export async function addPublicEvidence(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  input: PublicEvidenceInput,
): Promise<{ id: string }> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.add_public_evidence');
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | { id: string }> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const check = checkPublicEvidence({ ...input, reviewedBy: w.userId }, now);
    if (check.code) return { refused: check.code, details: { problems: check.problems }, audit: true };
    const id = await d.persons.evidence.insertPublic(
      tx,
      {
        personId,
        url: input.url!.trim(),
        quote: input.quote!.trim(),
        capturedAt: input.capturedAt!,
        activeAct: input.activeAct as ActiveAct,
        audienceUnrestricted: true,
        captureMethod: input.captureMethod,
        topic: input.topic,
        reviewedBy: w.userId,
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'person.evidence_added',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: 'public_evidence',
          objectId: id,
          data: { activeAct: input.activeAct },
        },
      ],
      now,
    );
    return { id };
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.add_public_evidence', personId });
  return outcome;
}

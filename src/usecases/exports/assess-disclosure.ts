/**
 * The per-person decision for a file that leaves the party (C5): every member of a frozen snapshot is
 * assessed by the legal gate (`assess`, `mayProceed`) for this activity and destination; those it refuses
 * are left out and counted per reason (Appendix C.0), as are persons without the contact data the file
 * needs. Persons outside the actor's scope are not part of the actor's file at all. Runs inside
 * the caller's transaction; the caller audits (with counts).
 */
import { personAccess } from '../../domain/access/policies.js';
import type { Assignment } from '../../domain/access/scope.js';
import { gateCriteria } from '../../domain/audiences/classify.js';
import type { AudienceCriteria } from '../../domain/audiences/types.js';
import { tally } from '../../domain/exports/csv.js';
import { mayProceed, prepareAssess } from '../../domain/gate/assess.js';
import type { GateCriterion, ProcessingKind } from '../../domain/gate/types.js';
import type { ActivityRow } from '../../storage/activities-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { DestinationRow } from '../../storage/destinations-repo.js';
import { exportsRepo, type SnapshotRow } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { loadGateContext } from '../gate/gate-context.js';
import { loadPersonFacts } from '../gate/person-facts.js';
import { processingFactsFor } from '../gate/processing-facts.js';
import type { GateSubject } from '../gate/subjects.js';

export interface DisclosureOutcome {
  included: GateSubject[];
  /** Persons left out, per code (reasons, product refusals, CONTACT_DATA_MISSING, NOT_FOUND). */
  excluded: Record<string, number>;
  /** Every legal reason the gate gave for anyone, in order of first appearance. */
  reasons: string[];
  /** Every product refusal the gate gave for anyone (LOOKALIKE_NOT_SUPPORTED, …). */
  productRefusals: string[];
}

async function criteriaOf(
  tx: Queryable,
  snapshot: SnapshotRow,
  ctxPurposes: Map<string, { political: boolean; politicalAdvertising: boolean }>,
): Promise<GateCriterion[]> {
  const c = snapshot.criteria as AudienceCriteria | null;
  if (!c || typeof c !== 'object') return [];
  const empty = {
    everyone: false,
    branchIds: [],
    postcodeRanges: [],
    membership: null,
    tagIdsAll: [],
    tagIdsNone: [],
    consentPurposeIds: [],
    events: null,
    languages: [],
  } satisfies AudienceCriteria;
  return gateCriteria(
    { ...empty, ...c },
    { branchIds: new Set(), tags: await exportsRepo.tagCatalogue(tx), purposes: ctxPurposes },
  );
}

export async function assessDisclosure(
  d: Pick<Deps, 'keyring' | 'suppression'>,
  tx: Queryable,
  input: {
    assignments: Assignment[];
    snapshot: SnapshotRow;
    activity: ActivityRow;
    destination: DestinationRow | null;
    /** The processing as the gate sees it, when it differs from the activity's kind (LOOKALIKE). */
    kind?: ProcessingKind;
    /** The person must have this to be in the file (e-mail for a platform list, the channel's column). */
    needs?: (s: GateSubject) => boolean;
  },
  now: Date,
): Promise<DisclosureOutcome> {
  const members = await exportsRepo.snapshotMembers(tx, input.snapshot.id);
  const context = await loadGateContext({}, tx, input.activity, now);
  const purposes = new Map(
    context.consentPurposes.map((p) => [
      p.id,
      { political: p.political, politicalAdvertising: p.politicalAdvertising },
    ]),
  );
  const processing = processingFactsFor(
    input.activity,
    input.destination,
    await criteriaOf(tx, input.snapshot, purposes),
  );
  if (input.kind) processing.kind = input.kind;
  const subjects = await loadPersonFacts(d, tx, members, now);
  const out: DisclosureOutcome = { included: [], excluded: {}, reasons: [], productRefusals: [] };
  const reasons = new Set<string>();
  const product = new Set<string>();
  const gate = prepareAssess(processing, context);
  for (const id of members) {
    const s = subjects.get(id);
    if (!s) {
      tally(out.excluded, ['NOT_FOUND']);
      continue;
    }
    const scope = personAccess(
      input.assignments,
      {
        branchId: s.branchId,
        postcode: s.postcodeArea === null ? null : String(s.postcodeArea),
        candidateIds: s.candidateIds,
      },
      'person:read',
      now,
    );
    if (!scope.allowed) continue;
    const decision = gate(s.facts);
    for (const r of decision.reasons) reasons.add(r);
    for (const r of decision.productRefusals) product.add(r);
    if (!mayProceed(decision)) {
      tally(out.excluded, [...decision.reasons, ...decision.productRefusals]);
      continue;
    }
    if (input.needs && !input.needs(s)) {
      tally(out.excluded, ['CONTACT_DATA_MISSING']);
      continue;
    }
    out.included.push(s);
  }
  out.reasons = [...reasons];
  out.productRefusals = [...product];
  return out;
}

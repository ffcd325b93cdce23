/**
 * Validation of audience criteria (issue 4, C5 bad input): unknown criteria, wrong types, an empty audience
 * that was not meant, contradictory criteria (a range whose start is after its end, a tag both required
 * and excluded, "no membership" with membership dates) and references to unknown branches, tags or consent
 * purposes. Reports every problem, each naming the field; nothing is stored when there is one.
 */
import { LANGUAGES } from '../persons/types.js';
import {
  type AudienceCriteria,
  CRITERIA_KEYS,
  type CriteriaCatalogue,
  type EventsCriterion,
  MEMBERSHIP_CRITERION_STATUSES,
  type MembershipCriterion,
  type MembershipCriterionStatus,
  type PostcodeRange,
} from './types.js';

export type CriteriaProblemCode =
  | 'VALIDATION_FAILED'
  | 'AUDIENCE_UNKNOWN_CRITERION'
  | 'AUDIENCE_CRITERIA_EMPTY'
  | 'AUDIENCE_CRITERIA_CONTRADICTORY'
  | 'AUDIENCE_REFERENCE_UNKNOWN';

export interface CriteriaProblem {
  /** Dotted path, e.g. "criteria.postcodeRanges.0". */
  field: string;
  code: CriteriaProblemCode;
  rule: string;
  problem: string;
}

export type CriteriaValidation =
  | { ok: true; criteria: AudienceCriteria }
  | { ok: false; problems: CriteriaProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ITEMS = 200;

/** A calendar date "YYYY-MM-DD" that exists. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  problems: CriteriaProblem[] = [];
  add(field: string, code: CriteriaProblemCode, rule: string, problem: string): void {
    this.problems.push({ field: `criteria${field ? `.${field}` : ''}`, code, rule, problem });
  }
}

function unknownKeys(c: Collector, obj: Record<string, unknown>, known: readonly string[], at: string) {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      c.add(
        at ? `${at}.${k}` : k,
        'AUDIENCE_UNKNOWN_CRITERION',
        'criteria.unknown',
        `unknown criterion "${k}"`,
      );
    }
  }
}

function idList(c: Collector, v: unknown, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.add(field, 'VALIDATION_FAILED', 'type.array', 'expected a list of ids');
    return [];
  }
  if (v.length > MAX_ITEMS) c.add(field, 'VALIDATION_FAILED', 'list.too_long', `at most ${MAX_ITEMS} items`);
  const out: string[] = [];
  v.forEach((x, i) => {
    if (typeof x !== 'string' || !UUID.test(x))
      c.add(`${field}.${i}`, 'VALIDATION_FAILED', 'type.uuid', 'expected an id (uuid)');
    else if (!out.includes(x.toLowerCase())) out.push(x.toLowerCase());
  });
  return out;
}

function dateField(c: Collector, obj: Record<string, unknown>, key: string, at: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isIsoDate(v)) {
    c.add(`${at}.${key}`, 'VALIDATION_FAILED', 'type.date', 'expected a date YYYY-MM-DD');
    return undefined;
  }
  return v;
}

function dateRange(c: Collector, from: string | undefined, to: string | undefined, field: string) {
  if (from !== undefined && to !== undefined && from > to) {
    c.add(field, 'AUDIENCE_CRITERIA_CONTRADICTORY', 'range.from_after_to', `${from} is after ${to}`);
  }
}

function postcodeRanges(c: Collector, v: unknown): PostcodeRange[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.add('postcodeRanges', 'VALIDATION_FAILED', 'type.array', 'expected a list of {from, to}');
    return [];
  }
  if (v.length > MAX_ITEMS)
    c.add('postcodeRanges', 'VALIDATION_FAILED', 'list.too_long', `at most ${MAX_ITEMS} ranges`);
  const out: PostcodeRange[] = [];
  v.forEach((r, i) => {
    const at = `postcodeRanges.${i}`;
    if (!isRecord(r)) {
      c.add(at, 'VALIDATION_FAILED', 'type.object', 'expected {from, to}');
      return;
    }
    unknownKeys(c, r, ['from', 'to'], at);
    const pc = (x: unknown, k: string) => {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 1000 || x > 9999) {
        c.add(
          `${at}.${k}`,
          'VALIDATION_FAILED',
          'postcode.pc4',
          'expected the four digits of a postcode (1000–9999)',
        );
        return null;
      }
      return x;
    };
    const from = pc(r.from, 'from');
    const to = pc(r.to, 'to');
    if (from === null || to === null) return;
    if (from > to) {
      c.add(at, 'AUDIENCE_CRITERIA_CONTRADICTORY', 'range.from_after_to', `${from} is after ${to}`);
      return;
    }
    out.push({ from, to });
  });
  return out;
}

function membership(c: Collector, v: unknown): MembershipCriterion | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v)) {
    c.add(
      'membership',
      'VALIDATION_FAILED',
      'type.object',
      'expected {statuses, sinceFrom?, sinceTo?, untilFrom?, untilTo?}',
    );
    return null;
  }
  unknownKeys(c, v, ['statuses', 'sinceFrom', 'sinceTo', 'untilFrom', 'untilTo'], 'membership');
  const statuses: MembershipCriterionStatus[] = [];
  if (!Array.isArray(v.statuses)) {
    c.add('membership.statuses', 'VALIDATION_FAILED', 'type.array', 'expected a list of statuses');
  } else {
    v.statuses.forEach((s, i) => {
      if (!(MEMBERSHIP_CRITERION_STATUSES as readonly unknown[]).includes(s)) {
        c.add(
          `membership.statuses.${i}`,
          'VALIDATION_FAILED',
          'enum',
          `one of ${MEMBERSHIP_CRITERION_STATUSES.join(', ')}`,
        );
      } else if (!statuses.includes(s as MembershipCriterionStatus))
        statuses.push(s as MembershipCriterionStatus);
    });
    if (v.statuses.length === 0) {
      c.add(
        'membership.statuses',
        'AUDIENCE_CRITERIA_EMPTY',
        'membership.no_status',
        'choose at least one membership status',
      );
    }
  }
  const out: MembershipCriterion = { statuses };
  for (const k of ['sinceFrom', 'sinceTo', 'untilFrom', 'untilTo'] as const) {
    const d = dateField(c, v, k, 'membership');
    if (d !== undefined) out[k] = d;
  }
  dateRange(c, out.sinceFrom, out.sinceTo, 'membership.since');
  dateRange(c, out.untilFrom, out.untilTo, 'membership.until');
  const hasDates = [out.sinceFrom, out.sinceTo, out.untilFrom, out.untilTo].some((d) => d !== undefined);
  if (hasDates && statuses.length > 0 && statuses.every((s) => s === 'none')) {
    c.add(
      'membership',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'membership.none_with_dates',
      'status "none" (no membership) cannot have membership dates',
    );
  }
  const hasUntil = out.untilFrom !== undefined || out.untilTo !== undefined;
  if (hasUntil && statuses.length > 0 && statuses.every((s) => s === 'active')) {
    c.add(
      'membership',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'membership.active_with_until',
      'an active membership has not ended: add "ended" or "suspended" to select on the end date',
    );
  }
  if (out.untilTo !== undefined && out.sinceFrom !== undefined && out.untilTo < out.sinceFrom) {
    c.add(
      'membership',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'membership.until_before_since',
      'a membership cannot end before it started',
    );
  }
  return out;
}

function events(c: Collector, v: unknown): EventsCriterion | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v)) {
    c.add('events', 'VALIDATION_FAILED', 'type.object', 'expected {attendedFrom?, attendedTo?}');
    return null;
  }
  unknownKeys(c, v, ['attendedFrom', 'attendedTo'], 'events');
  const out: EventsCriterion = {};
  const from = dateField(c, v, 'attendedFrom', 'events');
  const to = dateField(c, v, 'attendedTo', 'events');
  if (from !== undefined) out.attendedFrom = from;
  if (to !== undefined) out.attendedTo = to;
  dateRange(c, from, to, 'events.attended');
  return out;
}

function languages(c: Collector, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.add('languages', 'VALIDATION_FAILED', 'type.array', 'expected a list of language codes');
    return [];
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    if (!(LANGUAGES as readonly unknown[]).includes(x)) {
      c.add(`languages.${i}`, 'VALIDATION_FAILED', 'enum', `one of ${LANGUAGES.join(', ')}`);
    } else if (!out.includes(x as string)) out.push(x as string);
  });
  return out;
}

/** Whether the criteria select on anything at all (besides `everyone`). */
export function hasAnyCriterion(c: AudienceCriteria): boolean {
  return (
    c.branchIds.length > 0 ||
    c.postcodeRanges.length > 0 ||
    c.membership !== null ||
    c.tagIdsAll.length > 0 ||
    c.tagIdsNone.length > 0 ||
    c.consentPurposeIds.length > 0 ||
    c.events !== null ||
    c.languages.length > 0
  );
}

/**
 * Parse and check criteria sent by a client. With a `catalogue`, ids must name existing branches, tags
 * (field definitions of kind tag) and consent purposes.
 */
export function validateCriteria(raw: unknown, catalogue: CriteriaCatalogue | null): CriteriaValidation {
  const c = new Collector();
  if (!isRecord(raw)) {
    c.add('', 'VALIDATION_FAILED', 'type.object', 'expected an object of criteria');
    return { ok: false, problems: c.problems };
  }
  unknownKeys(c, raw, CRITERIA_KEYS, '');
  if (raw.everyone !== undefined && typeof raw.everyone !== 'boolean') {
    c.add('everyone', 'VALIDATION_FAILED', 'type.boolean', 'expected true or false');
  }
  const criteria: AudienceCriteria = {
    everyone: raw.everyone === true,
    branchIds: idList(c, raw.branchIds, 'branchIds'),
    postcodeRanges: postcodeRanges(c, raw.postcodeRanges),
    membership: membership(c, raw.membership),
    tagIdsAll: idList(c, raw.tagIdsAll, 'tagIdsAll'),
    tagIdsNone: idList(c, raw.tagIdsNone, 'tagIdsNone'),
    consentPurposeIds: idList(c, raw.consentPurposeIds, 'consentPurposeIds'),
    events: events(c, raw.events),
    languages: languages(c, raw.languages),
  };
  for (const id of criteria.tagIdsAll) {
    if (criteria.tagIdsNone.includes(id)) {
      c.add(
        'tagIdsNone',
        'AUDIENCE_CRITERIA_CONTRADICTORY',
        'tags.required_and_excluded',
        `tag ${id} is both required and excluded`,
      );
    }
  }
  const any = hasAnyCriterion(criteria);
  if (criteria.everyone && any) {
    c.add(
      'everyone',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'everyone.with_criteria',
      '"everyone" cannot be combined with other criteria',
    );
  }
  if (!criteria.everyone && !any && c.problems.length === 0) {
    c.add(
      '',
      'AUDIENCE_CRITERIA_EMPTY',
      'criteria.empty',
      'no criteria: choose at least one, or say "everyone" deliberately',
    );
  }
  if (catalogue) {
    criteria.branchIds.forEach((id, i) => {
      if (!catalogue.branchIds.has(id))
        c.add(`branchIds.${i}`, 'AUDIENCE_REFERENCE_UNKNOWN', 'reference.branch', 'no such branch');
    });
    for (const key of ['tagIdsAll', 'tagIdsNone'] as const) {
      criteria[key].forEach((id, i) => {
        if (!catalogue.tags.has(id))
          c.add(`${key}.${i}`, 'AUDIENCE_REFERENCE_UNKNOWN', 'reference.tag', 'no such tag');
      });
    }
    criteria.consentPurposeIds.forEach((id, i) => {
      if (!catalogue.purposes.has(id)) {
        c.add(
          `consentPurposeIds.${i}`,
          'AUDIENCE_REFERENCE_UNKNOWN',
          'reference.consent_purpose',
          'no such consent purpose',
        );
      }
    });
  }
  return c.problems.length > 0 ? { ok: false, problems: c.problems } : { ok: true, criteria };
}

/** The error code for a list of problems: the first problem's code (details list them all). */
export function problemsCode(problems: readonly CriteriaProblem[]): CriteriaProblemCode {
  return problems[0]?.code ?? 'VALIDATION_FAILED';
}

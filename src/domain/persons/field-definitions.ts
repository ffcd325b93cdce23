/**
 * The catalogue of fields, tags and notes a person can carry, each classified:
 * `dataClass` ordinary or political, and `proxyRisk` none/low/high. Membership data are political by law
 * and locked; a `high` proxy is political; generic demographic attributes are `none`.
 */
import type { DataClass, ProxyRisk } from './types.js';

export const FIELD_KINDS = ['tag', 'field', 'note'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldDefinition {
  id: string;
  key: string;
  labelNl: string;
  labelEn: string;
  kind: FieldKind;
  dataClass: DataClass;
  proxyRisk: ProxyRisk;
  /** Locked definitions cannot be reclassified (membership, R-02). */
  locked: boolean;
}

/**
 * membership status, join and leave dates, branch and contribution history are political data,
 * fixed in the schema. Keys under `lidmaatschap.` are reserved for them.
 */
export const MEMBERSHIP_FIELDS = [
  { key: 'lidmaatschap.status', labelNl: 'Lidmaatschap: status', labelEn: 'Membership: status' },
  { key: 'lidmaatschap.sinds', labelNl: 'Lidmaatschap: sinds', labelEn: 'Membership: since' },
  { key: 'lidmaatschap.tot', labelNl: 'Lidmaatschap: tot', labelEn: 'Membership: until' },
  { key: 'lidmaatschap.afdeling', labelNl: 'Lidmaatschap: afdeling', labelEn: 'Membership: branch' },
  { key: 'lidmaatschap.contributie', labelNl: 'Lidmaatschap: contributie', labelEn: 'Membership: dues' },
] as const;
export const MEMBERSHIP_PREFIX = 'lidmaatschap.';

export const FIELD_KEY = /^[a-z][a-z0-9-]{1,47}$/;

const RISK_ORDER: readonly ProxyRisk[] = ['none', 'low', 'high'];
const maxRisk = (a: ProxyRisk, b: ProxyRisk): ProxyRisk =>
  RISK_ORDER.indexOf(a) >= RISK_ORDER.indexOf(b) ? a : b;

/**
 * words that link an attribute to the party or to an opinion (petition, party event, donation,
 * volunteering, preference, position, vote) make it a `high` proxy whatever it is called otherwise.
 */
const HIGH_PROXY_WORDS =
  /(?:^|[^a-z])(?:petiti|evenement|events?(?![a-z])|bijeenkomst|campagne|campaign|standpunt|mening|opinion|voorkeur|preference|sympath|stem|vote|voting|donat|donor|gift|vrijwillig|volunteer|lid|leden|member|partij|party|overtuig|persuad|score)/;
/** generic demographic and address attributes are `none`, not `low`. */
const DEMOGRAPHIC_WORDS =
  /^(leeftijd|leeftijdsgroep|age|age-band|geboortejaar|postcode|gemeente|woonplaats|municipality|huishouden|household|woonsituatie|tenure|taal|language)$/;

/** The proxy risk an attribute has at least, from what it is about. */
export function proxyRiskFloor(key: string, labels: readonly string[]): ProxyRisk {
  if (DEMOGRAPHIC_WORDS.test(key)) return 'none';
  const words = [key, ...labels].join(' ').toLowerCase();
  return HIGH_PROXY_WORDS.test(words) ? 'high' : 'none';
}

export interface NewDefinitionInput {
  key: string;
  labelNl: string;
  labelEn: string;
  kind: FieldKind;
  dataClass: DataClass;
  proxyRisk: ProxyRisk;
}

/**
 * Classify a new definition: the proxy risk is at least what the key and labels suggest; a `high`
 * proxy is political; membership keys are political and locked. Returns the field
 * problems (key format, reserved prefix) too.
 */
export function classifyDefinition(input: NewDefinitionInput): {
  dataClass: DataClass;
  proxyRisk: ProxyRisk;
  locked: boolean;
  problems: { field: string; rule: string; problem: string }[];
} {
  const problems: { field: string; rule: string; problem: string }[] = [];
  if (!FIELD_KEY.test(input.key)) {
    problems.push({
      field: 'key',
      rule: input.key.startsWith(MEMBERSHIP_PREFIX) ? 'key.reserved' : 'key.format',
      problem: input.key.startsWith(MEMBERSHIP_PREFIX)
        ? 'membership fields are built in'
        : 'lower-case letters, digits and hyphens, 2–48 characters, starting with a letter',
    });
  }
  const proxyRisk = maxRisk(input.proxyRisk, proxyRiskFloor(input.key, [input.labelNl, input.labelEn]));
  const dataClass: DataClass = proxyRisk === 'high' ? 'political' : input.dataClass;
  return { dataClass, proxyRisk, locked: false, problems };
}

/** locked definitions (membership) are never reclassified; others only while no value uses them. */
export function reclassifyProblem(
  def: Pick<FieldDefinition, 'locked' | 'dataClass' | 'proxyRisk'>,
  next: { dataClass: DataClass; proxyRisk: ProxyRisk },
  valuesInUse: number,
): { code: 'CLASSIFICATION_LOCKED'; reason: 'membership' | 'in_use' } | null {
  const changed = def.dataClass !== next.dataClass || def.proxyRisk !== next.proxyRisk;
  if (!changed) return null;
  if (def.locked) return { code: 'CLASSIFICATION_LOCKED', reason: 'membership' };
  if (valuesInUse > 0) return { code: 'CLASSIFICATION_LOCKED', reason: 'in_use' };
  return null;
}

/**
 * The class a value of this definition gets (copied onto the value when it is written): locked
 * membership fields and `high` proxies are always political.
 */
export function effectiveClass(def: Pick<FieldDefinition, 'locked' | 'dataClass' | 'proxyRisk'>): DataClass {
  if (def.locked || def.proxyRisk === 'high') return 'political';
  return def.dataClass;
}

/**
 * The suppression list: what a suppression entry blocks, and the normalised keys it is
 * matched on. Storage keeps only keyed hashes of these keys, never the values.
 */
import type { Code } from './codes.js';

export const SUPPRESSION_REASONS = [
  'ERASURE_REQUEST',
  'OBJECTION_DM',
  'OBJECTION_21_1',
  'CONSENT_WITHDRAWN',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface SuppressionEntry {
  reason: SuppressionReason;
  /** Only for CONSENT_WITHDRAWN: the purpose it blocks (`CONSENT_WITHDRAWN:<purpose>`). */
  purposeId: string | null;
}

/** The decision reason an entry carries. */
export function suppressionDecisionReason(
  reason: SuppressionReason,
): Extract<Code, 'ERASED_SUBJECT' | 'OBJECTED' | 'CONSENT_WITHDRAWN'> {
  if (reason === 'ERASURE_REQUEST') return 'ERASED_SUBJECT';
  if (reason === 'CONSENT_WITHDRAWN') return 'CONSENT_WITHDRAWN';
  return 'OBJECTED';
}

/**
 * Whether matching entries keep a person out of the register (an import or sign-up must skip them):
 * erased and objecting persons never come back. A withdrawn consent blocks only its purpose; see
 * `blocksPurpose`.
 */
export function blocksPerson(entries: readonly SuppressionEntry[]): SuppressionEntry | null {
  return entries.find((e) => e.reason !== 'CONSENT_WITHDRAWN') ?? null;
}

/** Whether matching entries block (re)recording a consent for `purposeId` (R-16: per-purpose entry). */
export function blocksPurpose(
  entries: readonly SuppressionEntry[],
  purposeId: string,
): SuppressionEntry | null {
  return (
    entries.find((e) => e.reason !== 'CONSENT_WITHDRAWN') ??
    entries.find((e) => e.reason === 'CONSENT_WITHDRAWN' && e.purposeId === purposeId) ??
    null
  );
}

export interface SuppressionKeys {
  email: string | null;
  phone: string | null;
  /** name + postcode + house number, for postal records. */
  postal: string | null;
}

/** Lower case, no accents, letters and digits only: "Van der Berg-Öz" → "vanderbergoz". */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function normalizeSuppressionEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Dutch numbers to +31…; other international numbers kept with their +. */
export function normalizeSuppressionPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+31${digits.slice(1)}`;
  return digits;
}

/** The keys a person is matched on; postal needs last name, postcode and house number. */
export function suppressionKeys(p: {
  firstName?: string | null;
  infix?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  postcode?: string | null;
  houseNumber?: string | null;
}): SuppressionKeys {
  const email = p.email?.trim() ? normalizeSuppressionEmail(p.email) : null;
  const phone = p.phone?.trim() ? normalizeSuppressionPhone(p.phone) : null;
  const last = p.lastName ? fold(`${p.infix ?? ''}${p.lastName}`) : '';
  const pc = p.postcode ? p.postcode.replace(/\s+/g, '').toUpperCase() : '';
  const hn = p.houseNumber ? fold(p.houseNumber) : '';
  const initial = p.firstName ? fold(p.firstName).slice(0, 1) : '';
  const postal = last && pc && hn ? `${initial}|${last}|${pc}|${hn}` : null;
  return { email, phone, postal };
}

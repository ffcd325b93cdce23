/**
 * Typed audit events. Every write of personal data, every read of it and every refusal writes one,
 * in the same transaction as the change (R-14, R-39, R-63, Appendix C.0). No plaintext personal data in
 * the payload: persons are referred to by id only.
 */
import { AUDIENCE_EVENTS } from './audit-event-sets/audiences.js';
import { CONSENT_EVENTS } from './audit-event-sets/consent.js';
import { EXPORT_EVENTS } from './audit-event-sets/exports.js';
import { GATE_EVENTS } from './audit-event-sets/gate.js';
import { IMPORT_EVENTS } from './audit-event-sets/imports.js';
import { MAIL_EVENTS } from './audit-event-sets/mail.js';
import { OUTREACH_EVENTS } from './audit-event-sets/outreach.js';
import { REGISTER_EVENTS } from './audit-event-sets/register.js';

const FOUNDATION_EVENTS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.mfa_enrolled',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.logout',
  'user.created',
  'user.locale_changed',
  'token.created',
  'token.revoked',
  'person.created',
  'person.read',
  'branch.created',
  'keys.rotated',
  'keys.reencrypted',
  'audit.verified',
  'demo.loaded',
  'access.refused',
  'website.created',
  'website.deleted',
  'website.scan_requested',
  'website.scan_started',
  'website.scan_finished',
  'website.alert_acknowledged',
] as const;

export const AUDIT_EVENT_TYPES = [
  ...FOUNDATION_EVENTS,
  ...REGISTER_EVENTS,
  ...CONSENT_EVENTS,
  ...IMPORT_EVENTS,
  ...MAIL_EVENTS,
  ...GATE_EVENTS,
  ...AUDIENCE_EVENTS,
  ...OUTREACH_EVENTS,
  ...EXPORT_EVENTS,
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export type ActorType = 'user' | 'token' | 'operator' | 'system' | 'anonymous';

export interface AuditEvent {
  type: AuditEventType;
  actorType: ActorType;
  actorId: string | null;
  /** The person whose data was read or written, if any. */
  personId?: string | null;
  /** Why personal data was read or used (R-63: who, what, when, why). */
  purpose?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  /** Extra facts; never plaintext personal data. */
  data?: Record<string, unknown>;
}

/**
 * The consent vocabulary (C2; LEGAL.md section 2, R-13… ): purposes, consent texts (the
 * request shown), consent records (what was given, how, when) and the assessment of a record.
 * Plain data shared by the consent use cases, storage, the register's ground derivation and the web app.
 */
import type { Code } from '../codes.js';

/** How a consent reached the party (R-14 `channel`). */
export const CONSENT_CHANNELS = [
  'WEB_FORM',
  'PAPER',
  'DOORSTEP',
  'PHONE',
  'EMAIL_REPLY',
  'VERBAL_RECORDED',
  'IMPORT',
] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Channels staff and volunteers record by hand (offline capture). */
export const OFFLINE_CHANNELS = ['PAPER', 'DOORSTEP', 'PHONE', 'EMAIL_REPLY', 'VERBAL_RECORDED'] as const;
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];

/** Channels through which staff record a withdrawal (R-16: a staff button for phone or paper). */
export const WITHDRAWAL_CHANNELS = ['LINK', 'PHONE', 'PAPER', 'EMAIL', 'IN_PERSON'] as const;
export type WithdrawalChannel = (typeof WITHDRAWAL_CHANNELS)[number];

/**
 * Defects of a consent captured outside the platform's own form component: imports, paper,
 * legacy tools. Each one makes the consent no consent.
 */
export const CAPTURE_DEFECTS = ['PRE_TICKED', 'BUNDLED_WITH_OTHER_PURPOSES', 'CONDITION_OF_SERVICE'] as const;
export type CaptureDefect = (typeof CAPTURE_DEFECTS)[number];

/** Per-channel permission a purpose implies (R-70 Tw art 11.7). */
export const PERMISSION_CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST'] as const;
export type PermissionChannel = (typeof PERMISSION_CHANNELS)[number];

/** Languages consent texts and forms are offered in. */
export const CONSENT_LANGUAGES = ['nl', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/** Default refresh interval of a consent (R-20, PRODUCT CHOICE). */
export const DEFAULT_REFRESH_AFTER_MONTHS = 24;
/** The age below which a guardian must consent (UAVG art 5, R-19). */
export const CONSENT_AGE = 16;

/** One entry of the purpose catalogue (R-17 per purpose, R-20 freshness, R-70 channels, R-18 recipients). */
export interface ConsentPurpose {
  id: string;
  name: string;
  description: string;
  /** Consent to it reveals a political opinion: explicit consent is needed (art 9(2)(a), R-06, R-17). */
  political: boolean;
  /** Channel permissions consent to this purpose implies. */
  channels: PermissionChannel[];
  /** ISO date "YYYY-MM-DD" of the end of the campaign or period it covers; null when open. */
  scopeUntil: string | null;
  /** Refresh interval in months; null means the default of 24. */
  refreshAfterMonths: number | null;
  /**
   * Recipients (controllers, joint controllers) that rely on the consent, named in it: e.g.
   * the ad platform of a political-advertising purpose. Empty for purposes that stay inside the party.
   */
  recipients: string[];
}

/** The request texts shown for one purpose in one language. Versioned and immutable. */
export interface ConsentTextContent {
  language: ConsentLanguage;
  /** The controller's identity as named in the request. */
  controllerName: string;
  /** The express statement beside the checkbox, e.g. "Ja, Partij X mag vastleggen dat ik … ". */
  statement: string;
  /** The phrase in the statement that names the special-category data, for explicit purposes. */
  specialCategoryMention: string | null;
  /** The phrase in the statement that names the purpose. */
  purposeMention: string | null;
  /** Which data will be used. */
  dataCategories: string[];
  /** How to withdraw. */
  withdrawalInstructions: string;
  automatedDecisionNotice: string | null;
  transferNotice: string | null;
}

/**
 * A consent record as the rules see it. Fields the record could not demonstrate are null; the
 * assessment says what that means.
 */
export interface ConsentFacts {
  id: string;
  purposeId: string;
  /** The stored text version shown; null when no text can be demonstrated (an import without text). */
  textVersionId: string | null;
  /** The controllers named when the consent was given. */
  controllerNames: string[];
  channel: ConsentChannel | null;
  givenAt: Date | null;
  explicit: boolean;
  captureDefects: CaptureDefect[];
  /** How many purposes the single consent action covered; more than one is a bundle. */
  purposesInAction: number;
  /** Double opt-in click time (R-17, own web forms). */
  confirmedAt: Date | null;
  /** A signed scan was uploaded as evidence (offline capture). */
  hasScan: boolean;
  /** Age at consent in whole years; null when unknown (counts as 16 or over, R-19). */
  ageAtConsent: number | null;
  /** When the parent or guardian confirmed; null when not (yet). */
  guardianConfirmedAt: Date | null;
  withdrawnAt: Date | null;
}

export const CONSENT_STATUSES = ['valid', 'pending_confirmation', 'invalid', 'withdrawn', 'lapsed'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentAssessment {
  /**
   * The outcome, by precedence: withdrawn > invalid > lapsed > pending_confirmation > valid. `reasons`
   * lists every code that applies, whatever the status (Appendix C.0).
   */
  status: ConsentStatus;
  reasons: Code[];
  /**
   * An offline consent (paper, doorstep, phone, …) that is not yet confirmed by a double opt-in or an
   * uploaded scan: shown as "onbevestigd". A flag, not a defect: confirmation is not a legal condition
   * so such a consent can be valid.
   */
  unconfirmed: boolean;
}

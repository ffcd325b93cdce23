/** Users and their role assignments. Names and e-mail are encrypted fields. */

import type { Role } from '../domain/access/roles.js';
import type { Assignment } from '../domain/access/scope.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  totpSecret: string | null;
  mfaEnabledAt: Date | null;
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  locale: 'nl' | 'en';
  disabledAt: Date | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name_enc: string;
  email_enc: string | null;
  password_hash: string;
  totp_secret_enc: string | null;
  mfa_enabled_at: Date | null;
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: Date | null;
  locale: 'nl' | 'en';
  disabled_at: Date | null;
}

export interface AssignmentRecord extends Assignment {
  id: string;
  branchName: string | null;
}

export class UsersRepo {
  constructor(private readonly keyring: Keyring) {}

  private toRecord(r: UserRow): UserRecord {
    const k = this.keyring;
    return {
      id: r.id,
      username: r.username,
      displayName: k.decrypt(r.display_name_enc, 'users.display_name'),
      email: k.decryptNullable(r.email_enc, 'users.email'),
      passwordHash: r.password_hash,
      totpSecret: k.decryptNullable(r.totp_secret_enc, 'users.totp_secret'),
      mfaEnabledAt: r.mfa_enabled_at,
      totpLastStep: r.totp_last_step,
      failedAttempts: r.failed_attempts,
      lockedUntil: r.locked_until,
      locale: r.locale,
      disabledAt: r.disabled_at,
    };
  }

  async findByUsername(tx: Queryable, username: string, forUpdate = false): Promise<UserRecord | null> {
    const { rows } = await tx.query<UserRow>(
      `SELECT * FROM users WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [username.trim().toLowerCase()],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  async findById(tx: Queryable, id: string, forUpdate = false): Promise<UserRecord | null> {
    const { rows } = await tx.query<UserRow>(
      `SELECT * FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  async insert(
    tx: Queryable,
    u: {
      username: string;
      displayName: string;
      email: string | null;
      passwordHash: string;
      locale: 'nl' | 'en';
    },
    now: Date,
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, display_name_enc, email_enc, password_hash, locale, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        u.username,
        this.keyring.encrypt(u.displayName, 'users.display_name'),
        this.keyring.encryptNullable(u.email, 'users.email'),
        u.passwordHash,
        u.locale,
        now,
      ],
    );
    return rows[0]!.id;
  }

  async setLoginState(
    tx: Queryable,
    id: string,
    failedAttempts: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
      id,
      failedAttempts,
      lockedUntil,
    ]);
  }

  async setTotpSecret(tx: Queryable, id: string, secret: string): Promise<void> {
    await tx.query('UPDATE users SET totp_secret_enc = $2 WHERE id = $1', [
      id,
      this.keyring.encrypt(secret, 'users.totp_secret'),
    ]);
  }

  async enableMfa(tx: Queryable, id: string, step: number, now: Date): Promise<void> {
    await tx.query('UPDATE users SET mfa_enabled_at = $2, totp_last_step = $3 WHERE id = $1', [
      id,
      now,
      step,
    ]);
  }

  async setTotpLastStep(tx: Queryable, id: string, step: number): Promise<void> {
    await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [id, step]);
  }

  async setLocale(tx: Queryable, id: string, locale: 'nl' | 'en'): Promise<void> {
    await tx.query('UPDATE users SET locale = $2 WHERE id = $1', [id, locale]);
  }

  async insertAssignment(tx: Queryable, userId: string, a: Assignment, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO role_assignments (user_id, role, branch_id, candidate_id, area_from, area_to, valid_from, valid_until, briefing_acknowledged_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        userId,
        a.role,
        a.branchId,
        a.candidateId,
        a.area?.from ?? null,
        a.area?.to ?? null,
        a.validFrom,
        a.validUntil,
        a.briefingAcknowledgedAt,
        now,
      ],
    );
  }

  async assignments(tx: Queryable, userId: string): Promise<AssignmentRecord[]> {
    const { rows } = await tx.query<{
      id: string;
      role: Role;
      branch_id: string | null;
      branch_name: string | null;
      candidate_id: string | null;
      area_from: number | null;
      area_to: number | null;
      valid_from: Date;
      valid_until: Date | null;
      briefing_acknowledged_at: Date | null;
    }>(
      `SELECT a.*, b.name AS branch_name FROM role_assignments a LEFT JOIN branches b ON b.id = a.branch_id
        WHERE a.user_id = $1 ORDER BY a.created_at`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      branchId: r.branch_id,
      branchName: r.branch_name,
      candidateId: r.candidate_id,
      area: r.area_from !== null && r.area_to !== null ? { from: r.area_from, to: r.area_to } : null,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      briefingAcknowledgedAt: r.briefing_acknowledged_at,
    }));
  }
}

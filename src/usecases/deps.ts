/** What use cases get from the composition root (src/app/kernel.ts): narrow them with Pick where used. */
import type { Config } from '../config/config.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { Keyring } from '../storage/crypto/keyring.js';
import type { Db } from '../storage/db.js';
import type { PersonsRepo } from '../storage/persons-repo.js';
import type { UsersRepo } from '../storage/users-repo.js';

export interface JobQueue {
  send(name: string, data: Record<string, unknown>): Promise<string | null>;
  healthy(): boolean;
}

export interface Deps {
  config: Config;
  db: Db;
  keyring: Keyring;
  audit: AuditLog;
  users: UsersRepo;
  persons: PersonsRepo;
  jobs: JobQueue | null;
  /** The clock; use cases read time only here, and pass it on to domain rules as an argument. */
  now: () => Date;
}

/** The mail adapter (SMTP with an in-app outbox). Owned by the consent capability; see MailPort. */
import type { Config } from '../config/config.js';
import type { Db } from '../storage/db.js';
import type { MailPort } from '../usecases/deps.js';

export function createMailer(_db: Db, _config: Config): MailPort {
  return {
    async queue() {
      throw new Error('mail outbox not built yet');
    },
    async flush() {},
  };
}

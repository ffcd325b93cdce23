/**
 * Fill the register fast for the audience-evaluation benchmark: persons with memberships, consent records,
 * a few regular-contact records, objections and suppression entries, encrypted with the kernel's real
 * keyring. Not through the use cases (a million of those would take hours): large INSERT … SELECT
 * statements on both engines.
 *
 * Every person gets its own e-mail ciphertext (encrypted here, one per person) and its suppression keys
 * (the keyed hashes the persons repository stores with the contact data, migration 011). The other encrypted columns (names, birth date, membership facts, consent
 * documents) draw from pools of values encrypted here with fresh random IVs: decrypting one costs exactly
 * what decrypting a unique one costs, and the evaluation never caches by ciphertext.
 */
import type { Kernel } from '../../src/app/kernel.js';
import { fmt, nowMs } from './report.js';

const DAY = 86_400_000;
const POOL = 64;

export interface GateSeed {
  persons: number;
  seconds: number;
  branches: { id: string; from: number; to: number }[];
  purposeP: string;
  purposeQ: string;
  activityId: string;
  counts: Record<string, number>;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A pool of POOL ciphertexts per variant: `make(i)` gives the plaintext of slot i. */
function pool(k: Kernel, aad: string, make: (i: number) => string | null): (string | null)[] {
  return Array.from({ length: POOL }, (_, i) => {
    const v = make(i);
    return v === null ? null : k.keyring.encrypt(v, aad);
  });
}

export async function seedGate(k: Kernel, persons: number, batch = 20_000): Promise<GateSeed> {
  const now = k.now();
  const t0 = nowMs();
  const db = k.db;
  await db.query(
    `INSERT INTO party_settings (id, party_name, created_at) VALUES (1, 'Partij voor de Polder (fictief)', $1)
     ON CONFLICT (id) DO NOTHING`,
    [now],
  );
  const branches: GateSeed['branches'] = [];
  for (let b = 0; b < 10; b++) {
    const from = 1000 + b * 900;
    const to = from + 899;
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO branches (name, postcode_from, postcode_to, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [`Afdeling bench ${b}`, from, to, now],
    );
    branches.push({ id: rows[0]!.id, from, to });
  }
  const purpose = async (name: string, political: boolean) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO consent_purposes (name, description, political, channels, created_at, updated_at)
         VALUES ($1, $2, $3, '{EMAIL}', $4, $4) RETURNING id`,
        [name, `${name} (benchmark)`, political, now],
      )
    ).rows[0]!.id;
  const purposeP = await purpose('Campagnemails bench', true);
  const purposeQ = await purpose('Vrijwilligers bench', false);
  const activityId = (
    await db.query<{ id: string }>(
      `INSERT INTO processing_activities (name, purpose, kind, channel, direct_marketing, political_data,
         consent_purpose_id, created_at, updated_at)
       VALUES ('Campagnemail bench', 'Campagnemail aan wie daarvoor toestemming gaf', 'MESSAGE', 'EMAIL', true,
         true, $1, $2, $2) RETURNING id`,
      [purposeP, now],
    )
  ).rows[0]!.id;

  const k2 = k.keyring;
  const first = pool(k, 'persons.first_name', (i) => `Voornaam${i}`);
  const last = pool(k, 'persons.last_name', (i) => `Achternaam${i}`);
  const birth = pool(k, 'persons.birth_date', (i) =>
    i % 3 === 0 ? `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` : null,
  );
  const emails: string[] = [];
  for (let i = 0; i < persons; i += batch) {
    const n = Math.min(batch, persons - i);
    const enc: string[] = new Array(n);
    const sup: string[] = new Array(n);
    for (let j = 0; j < n; j++) {
      const email = `lid${i + j}@bench.invalid`;
      if ((i + j) % 997 === 0) emails.push(email);
      enc[j] = k2.encrypt(email, 'persons.email');
      // the suppression keys the persons repository writes with the contact data (migration 011)
      sup[j] = k.suppression
        .hashes({ email })
        .map((h) => h.hash)
        .join(' ');
    }
    await db.query(
      `INSERT INTO persons (branch_id, postcode_area, first_name_enc, last_name_enc, email_enc, birth_date_enc,
          age_band, language, source_kind, obtained_from_subject, collected_at, created_at, updated_at,
          suppress_keys)
       SELECT ($2::uuid[])[1 + (a.area - 1000) / 900], a.area, ($3::text[])[1 + a.n % ${POOL}],
              ($4::text[])[1 + (a.n / 7) % ${POOL}], a.e, ($5::text[])[1 + (a.n / 3) % ${POOL}],
              CASE WHEN a.n % 97 = 0 THEN '16-17' WHEN a.n % 5 = 0 THEN '35-44' ELSE NULL END,
              CASE WHEN a.n % 10 < 8 THEN 'nl' WHEN a.n % 10 = 8 THEN 'en' ELSE 'fy' END,
              CASE WHEN a.n % 50 = 0 THEN 'THIRD_PARTY_LIST' ELSE 'DATA_SUBJECT' END, a.n % 50 <> 0,
              $6, $6, $6, string_to_array(a.s, ' ')
         FROM (SELECT e, s, (n + $7)::int AS n, 1000 + ((n + $7) * 7919) % 9000 AS area
                 FROM unnest($1::text[], $8::text[]) WITH ORDINALITY AS t(e, s, n)) a`,
      [enc, branches.map((b) => b.id), first, last, birth, now, i, sup],
    );
    if ((i + n) % 200_000 < batch)
      console.log(`  seeded ${fmt(i + n)} persons in ${fmt((nowMs() - t0) / 1000, 1)} s`);
  }

  // Memberships (≈40%): active, suspended, ended recently (former member) or long ago (expired).
  const mv = Array.from({ length: POOL }, (_, i) => {
    const kind = i % 8;
    const since = iso(new Date(now.getTime() - (400 + i * 30) * DAY));
    if (kind < 5) return { status: 'active', since, until: null };
    if (kind === 5) return { status: 'suspended', since, until: null };
    if (kind === 6) return { status: 'ended', since, until: iso(new Date(now.getTime() - 200 * DAY)) };
    return {
      status: 'ended',
      since: iso(new Date(now.getTime() - 4000 * DAY)),
      until: iso(new Date(now.getTime() - 1200 * DAY)),
    };
  });
  await db.query(
    `INSERT INTO memberships (person_id, status_enc, since_enc, until_enc, source_kind, channel, collected_at,
        created_at, updated_at)
     SELECT p.id, ($1::text[])[v], ($2::text[])[v], ($3::text[])[v], 'MEMBER_ADMIN', 'import', $4, $4, $4
       FROM (SELECT id, 1 + abs(hashtext(id::text || 'v')) % ${POOL} AS v FROM persons
              WHERE abs(hashtext(id::text)) % 100 < 40) p`,
    [
      mv.map((m) => k2.encrypt(m.status, 'memberships.status')),
      mv.map((m) => k2.encrypt(m.since, 'memberships.since')),
      mv.map((m) => k2.encryptNullable(m.until, 'memberships.until')),
      now,
    ],
  );

  // Consent records for P (≈70%) and Q (≈30%): mostly valid explicit, some defective, some withdrawn.
  const consentPool = (purposeId: string) =>
    Array.from({ length: POOL }, (_, i) =>
      k2.encrypt(
        JSON.stringify({
          purposeId,
          textVersionId: i % 16 === 3 ? null : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          textSha256: null,
          controllerNames: ['Partij voor de Polder (fictief)'],
          explicit: i % 16 !== 5,
          captureDefects: i % 16 === 7 ? ['PRE_TICKED'] : [],
          purposesInAction: i % 16 === 9 ? 2 : 1,
          formId: null,
          submissionId: null,
          noticeId: null,
        }),
        'consent_records.consent',
      ),
    );
  for (const [pid, share] of [
    [purposeP, 70],
    [purposeQ, 30],
  ] as const) {
    await db.query(
      `INSERT INTO consent_records (person_id, purpose_bidx, consent_enc, channel, given_at, confirmed_at,
          withdrawn_at, withdrawal_channel, withdrawn_by, created_at)
       SELECT p.id, $1, ($2::text[])[p.v], 'PAPER', $3::timestamptz - (p.v || ' days')::interval, $3,
              CASE WHEN p.v % 10 = 0 THEN $3 END, CASE WHEN p.v % 10 = 0 THEN 'PHONE' END,
              CASE WHEN p.v % 10 = 0 THEN 'subject' END, $3
         FROM (SELECT id, 1 + abs(hashtext(id::text || $1)) % ${POOL} AS v FROM persons
                WHERE abs(hashtext(id::text || 'c' || $1)) % 100 < $4) p`,
      [k2.blindIndex('consent_purpose', pid), consentPool(pid), now, share],
    );
  }

  // Regular contact (≈2%), objections to direct marketing (≈0.5%), restrictions (≈0.1%).
  const kindEnc = k2.encrypt('RECURRING_DONOR', 'regular_contact_evidence.kind');
  const occEnc = k2.encrypt(
    JSON.stringify([iso(new Date(now.getTime() - 90 * DAY)), iso(new Date(now.getTime() - 30 * DAY))]),
    'regular_contact_evidence.occurrences',
  );
  const descEnc = k2.encrypt('Maandelijkse donatie', 'regular_contact_evidence.description');
  await db.query(
    `INSERT INTO regular_contact_evidence (person_id, kind_enc, occurrences_enc, description_enc, recorded_by, recorded_at)
     SELECT id, $1, $2, $3, 'bench', $4 FROM persons WHERE abs(hashtext(id::text || 'r')) % 100 < 2`,
    [kindEnc, occEnc, descEnc, now],
  );
  await db.query(
    `INSERT INTO person_objections (person_id, kind, channel, created_at)
     SELECT id, 'DIRECT_MARKETING', 'LINK', $1 FROM persons WHERE abs(hashtext(id::text || 'o')) % 1000 < 5`,
    [now],
  );
  await db.query(
    `INSERT INTO person_restrictions (person_id, reason, created_at)
     SELECT id, 'Bezwaar in behandeling', $1 FROM persons WHERE abs(hashtext(id::text || 's')) % 1000 < 1`,
    [now],
  );
  // Suppression: every 997th person's e-mail (objection or erasure), as the product hashes it.
  for (const [i, email] of emails.entries()) {
    await db.transaction((tx) =>
      k.suppression.add(tx, { email }, i % 2 ? 'OBJECTION_DM' : 'ERASURE_REQUEST', null, now),
    );
  }
  await db.exec('ANALYZE');
  const counts: Record<string, number> = {};
  for (const tbl of [
    'persons',
    'memberships',
    'consent_records',
    'regular_contact_evidence',
    'person_objections',
    'suppression',
  ]) {
    counts[tbl] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tbl}`)).rows[0]!.n;
  }
  return { persons, seconds: (nowMs() - t0) / 1000, branches, purposeP, purposeQ, activityId, counts };
}

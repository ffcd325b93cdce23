/**
 * Load the fictional demo party into an empty database: branches, two candidates, a user in every role
 * and a few hundred fictional persons. Passwords and the TOTP secrets of admin and FG are random per
 * install and returned once, so no default secret exists anywhere.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/access/roles.js';
import type { Assignment } from '../../domain/access/scope.js';
import { DomainError } from '../../domain/codes.js';
import { branchesRepo } from '../../storage/branches-repo.js';
import { hashPassword } from '../../storage/crypto/passwords.js';
import { newTotpSecret, totpStep } from '../../storage/crypto/totp.js';
import type { Deps } from '../deps.js';
import { insertDemoPersons } from '../persons/seed-demo-persons.js';
import { loadDemoActivities } from './demo-activities.js';
import { loadDemoAudiences } from './demo-audiences.js';
import { loadDemoConsent } from './demo-consent.js';
import { DEMO_BRANCHES, DEMO_CANDIDATES, DEMO_PARTY, demoPersons } from './demo-data.js';
import { loadDemoOutreach } from './demo-outreach.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  scope: string;
  /** Set for accounts enrolled in TOTP already (admin, FG); others enrol at first login. */
  totpSecret: string | null;
}

const CAMPAIGN_MONTHS = 6;

export async function loadDemo(
  d: Pick<Deps, 'db' | 'users' | 'persons' | 'keyring' | 'audit' | 'suppression' | 'now'>,
  opts: { persons?: number } = {},
): Promise<{ party: string; logins: DemoLogin[]; persons: number }> {
  const now = d.now();
  const campaignEnd = new Date(now.getTime() + CAMPAIGN_MONTHS * 30 * 86_400_000);
  const plan: { username: string; displayName: string; role: Role; a: Partial<Assignment>; scope: string }[] =
    [
      {
        username: 'beheer',
        displayName: 'Bep Beheer (secretariaat)',
        role: 'admin',
        a: {},
        scope: 'hele partij',
      },
      { username: 'fg', displayName: 'Fenna Gegevens (FG)', role: 'fg', a: {}, scope: 'hele partij' },
      {
        username: 'campagne',
        displayName: 'Kees Campagne',
        role: 'campaign_lead',
        a: { branchId: '0' },
        scope: 'afdeling Amsterdam',
      },
      {
        username: 'team',
        displayName: 'Tessa Team',
        role: 'team_member',
        a: { branchId: '1' },
        scope: 'afdeling Utrecht',
      },
      {
        username: 'kandidaat',
        displayName: 'Aletta Jacobs (fictief)',
        role: 'candidate',
        a: { candidateId: '0' },
        scope: 'eigen kandidaatsdossier',
      },
      {
        username: 'vrijwilliger',
        displayName: 'Victor Vrijwilliger',
        role: 'volunteer',
        a: { area: { from: 1000, to: 1019 } },
        scope: 'postcodegebied 1000–1019',
      },
    ];
  const logins: DemoLogin[] = [];
  const prepared = await Promise.all(
    plan.map(async (p) => {
      const password = randomBytes(12).toString('base64url');
      return {
        ...p,
        password,
        hash: await hashPassword(password),
        totp: p.role === 'admin' || p.role === 'fg' ? newTotpSecret() : null,
      };
    }),
  );
  const seeds = demoPersons(opts.persons ?? 300);
  const count = await d.db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if ((existing.rows[0]?.n ?? 0) > 0)
      throw new DomainError('VALIDATION_FAILED', {
        reason: 'database is not empty; the demo loads only into a new database',
      });
    await tx.query('INSERT INTO party_settings (id, party_name, demo, created_at) VALUES (1, $1, true, $2)', [
      DEMO_PARTY,
      now,
    ]);
    const branchIds: string[] = [];
    const userIds: Record<string, string> = {};
    for (const b of DEMO_BRANCHES) branchIds.push(await branchesRepo.insert(tx, b, now));
    const candidateIds: string[] = [];
    for (const c of DEMO_CANDIDATES) {
      const { rows } = await tx.query<{ id: string }>(
        'INSERT INTO candidates (branch_id, list_position, display_name_enc, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [
          branchIds[c.branchIndex],
          c.listPosition,
          d.keyring.encrypt(c.displayName, 'candidates.display_name'),
          now,
        ],
      );
      candidateIds.push(rows[0]!.id);
    }
    for (const p of prepared) {
      const id = await d.users.insert(
        tx,
        {
          username: p.username,
          displayName: p.displayName,
          email: `${p.username}@demo-partij.invalid`,
          passwordHash: p.hash,
          locale: 'nl',
        },
        now,
      );
      const staff = p.role === 'admin' || p.role === 'fg';
      await d.users.insertAssignment(
        tx,
        id,
        {
          role: p.role,
          branchId: p.a.branchId !== undefined ? branchIds[Number(p.a.branchId)]! : null,
          candidateId: p.a.candidateId !== undefined ? candidateIds[Number(p.a.candidateId)]! : null,
          area: p.a.area ?? null,
          validFrom: now,
          validUntil: staff ? null : campaignEnd,
          // The briefing workflow comes with the candidates issue; the demo accounts start briefed.
          briefingAcknowledgedAt: staff ? null : now,
        },
        now,
      );
      if (p.totp) {
        await d.users.setTotpSecret(tx, id, p.totp);
        await d.users.enableMfa(tx, id, totpStep(now) - 2, now);
      }
      userIds[p.username] = id;
      logins.push({
        username: p.username,
        password: p.password,
        role: p.role,
        scope: p.scope,
        totpSecret: p.totp,
      });
    }
    const ids = await insertDemoPersons(d, tx, seeds, { branchIds, candidateIds, userIds, now });
    // Consents (purposes, texts, the published form `aanmelden`) for the non-members: they hold political
    // data only through explicit consent.
    await loadDemoConsent(d, tx, {
      now,
      personIds: ids.filter((_, i) => seeds[i]!.relation === 'non_member'),
      adminUserId: userIds.beheer ?? null,
    });
    await loadDemoActivities(d, tx, { now, userId: userIds.fg ?? null });
    // Demo audiences (issue 4): after the demo activities, which they are bound to.
    await loadDemoAudiences(d, tx, { now, adminUserId: userIds.beheer ?? null });
    await loadDemoOutreach(d, tx, { now, adminUserId: userIds.beheer ?? null });
    return ids.length;
  });
  return { party: DEMO_PARTY, logins, persons: count };
}

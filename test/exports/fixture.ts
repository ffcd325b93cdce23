/**
 * Export test set-up on top of the audience world (test/audiences/fixture.ts): registered destinations,
 * activities that send data out, and a frozen snapshot of the tagged persons (bound to the letter
 * activity, so members and consented persons are in it).
 */
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import type { NewDestination } from '../../src/storage/destinations-repo.js';
import { createDestination } from '../../src/usecases/destinations/create-destination.js';
import type { Client, TestApp } from '../support/app.js';

let n = 0;

export async function destination(t: TestApp, fg: Actor, over: Partial<NewDestination>): Promise<string> {
  const d = await createDestination(t.kernel, fg, {
    name: `Ontvanger ${++n} ${Math.random().toString(36).slice(2, 6)}`,
    role: 'PROCESSOR',
    platform: false,
    vetted: true,
    processorAgreementComplete: true,
    art26Arrangement: false,
    outsideEea: false,
    transferMechanism: false,
    notes: '',
    ...over,
  });
  return d.id;
}

/** A new audience of the world's tagged persons bound to `activityId`, frozen; returns the snapshot. */
export async function freeze(
  c: Client,
  tagId: string,
  activityId: string,
): Promise<{ audienceId: string; snapshotId: string; includedCount: number }> {
  const a = await c.request('POST', '/api/v1/audiences', {
    body: {
      name: `Exporttest ${++n} ${Math.random().toString(36).slice(2, 6)}`,
      activityId,
      criteria: { tagIdsAll: [tagId] },
    },
  });
  expect(a.statusCode, a.body).toBe(201);
  const s = await c.request('POST', `/api/v1/audiences/${a.json().id}/snapshots`, {
    body: { usedFor: 'export' },
  });
  expect(s.statusCode, s.body).toBe(201);
  return { audienceId: a.json().id, snapshotId: s.json().snapshotId, includedCount: s.json().includedCount };
}

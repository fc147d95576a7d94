import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAttempt, backoffMs, blockerOf, classifyStatus, countItems, pickNext, prunable, recoverInterrupted, resetForReplay, retryFailed } from './core';
import { buildItems, OWNER } from './test-kit';

describe('outbox rules', () => {
  it('classifies answers: 2xx done, network/408/429/5xx retried, 401 after sign-in, other 4xx for the user', () => {
    expect(classifyStatus(200)).toBe('ok');
    expect(classifyStatus(201)).toBe('ok');
    for (const s of [0, 408, 429, 500, 502, 503]) expect(classifyStatus(s)).toBe('retry');
    expect(classifyStatus(401)).toBe('auth');
    expect(classifyStatus(403, 'PASSWORD_CHANGE_REQUIRED')).toBe('auth');
    expect(classifyStatus(403, 'FORBIDDEN')).toBe('permanent');
    for (const s of [400, 403, 404, 409, 413, 415, -1]) expect(classifyStatus(s)).toBe('permanent');
  });

  it('backs off 5 s, 10 s, 20 s … up to 5 minutes', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([5000, 10000, 20000]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => backoffMs(n) <= 300_000 && backoffMs(n + 1) >= backoffMs(n)));
  });

  it('a patrol\u2019s check-in waits for its start; a hazard on its own waits for nothing', () => {
    const [start, checkin, hazard] = buildItems([{ group: 0, photos: 0 }, { group: 0, photos: 0 }, { group: null, photos: 0 }]);
    const items = [start, checkin, hazard];
    expect(blockerOf(checkin, items)?.id).toBe(start.id);
    expect(blockerOf(hazard, items)).toBeNull();
    expect(pickNext(items, OWNER, 0)?.id).toBe(start.id);
    const failedStart = afterAttempt(start, 'permanent', null, 0);
    expect(pickNext([failedStart, checkin, hazard], OWNER, 0)?.id).toBe(hazard.id);
    const synced = afterAttempt(start, 'ok', null, 0);
    expect(pickNext([synced, checkin, hazard], OWNER, 0)?.id).toBe(checkin.id);
  });

  it('moves through its states as documented', () => {
    const [item] = buildItems([{ group: null, photos: 1 }]);
    const retried = afterAttempt({ ...item, attempts: 2 }, 'retry', null, 1000);
    expect(retried).toMatchObject({ state: 'pending', nextAttemptAt: 1000 + 10_000 });
    expect(afterAttempt({ ...item, attempts: 1 }, 'auth', null, 0)).toMatchObject({ state: 'pending', attempts: 0 });
    const failed = afterAttempt(item, 'permanent', { status: 400, code: 'VALIDATION_FAILED', zh: '', en: '' }, 0);
    expect(failed.state).toBe('failed');
    expect(retryFailed(failed)).toMatchObject({ state: 'pending', error: null, attempts: 0 });
    expect(recoverInterrupted({ ...item, state: 'sending', nextAttemptAt: 99 })).toMatchObject({ state: 'pending', nextAttemptAt: 0 });
    const synced = afterAttempt({ ...item, photos: [{ blobId: 'b', bytes: 1, fileId: 'f' }] }, 'ok', null, 0);
    expect(synced.syncedAt).not.toBeNull();
    const replay = resetForReplay(synced);
    expect(replay).toMatchObject({ state: 'pending', syncedAt: null });
    expect(replay.photos[0].fileId).toBeUndefined();
    expect(replay.id).toBe(item.id);
  });

  it('counts and prunes synced items: older than three days, or beyond the newest 50', () => {
    const now = Date.parse('2024-05-10T00:00:00Z');
    const items = buildItems(Array.from({ length: 60 }, () => ({ group: null, photos: 0 }))).map((item, i) => ({
      ...item,
      state: i < 55 ? ('synced' as const) : ('pending' as const),
      syncedAt: i < 55 ? (i === 54 ? '2024-05-01T00:00:00Z' : '2024-05-09T00:00:00Z') : null,
    }));
    expect(countItems(items)).toEqual({ pending: 5, failed: 0, synced: 55 });
    const pruned = prunable(items, now).map((i) => i.seq).sort((a, b) => a - b);
    // seq 55 synced nine days ago; seqs 1–5 are beyond the newest 50 synced.
    expect(pruned).toEqual([1, 2, 3, 4, 5, 55]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discardSet, resetForReplay, retryFailed } from './core';
import { recover, syncOnce } from './engine';
import { buildItems, Crash, FakeServer, FAULTS, MemoryStore, OWNER, type ItemSpec } from './test-kit';

const specArb = fc.record({ group: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), photos: fc.integer({ min: 0, max: 2 }) });
const specsArb = fc.array(specArb, { minLength: 1, maxLength: 12 });
const faultsArb = fc.array(fc.constantFrom(...FAULTS), { maxLength: 40 });

/** Runs the app's sync loop as the phone would: restart after a crash, sign in after a 401, wait out backoffs. */
async function syncUntilSettled(store: MemoryStore, server: FakeServer, clock: { t: number }, rounds: number) {
  for (let round = 0; round < rounds; round++) {
    try {
      await syncOnce(store, server, { ownerId: OWNER, now: () => clock.t });
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
      await recover(store);
    }
    // Longer than the longest backoff: every pending item is due again next round.
    clock.t += 10 * 60_000;
    const items = await store.all();
    if (items.every((i) => i.state === 'synced' || i.state === 'failed')) return;
  }
}

/** For each group, the order the server stored its items in. */
function createdOrderPerGroup(created: string[], store: MemoryStore) {
  const groups = new Map<string, number[]>();
  for (const id of created) {
    const item = store.items.get(id);
    if (!item?.group) continue;
    groups.set(item.group, [...(groups.get(item.group) ?? []), item.seq]);
  }
  return groups;
}

async function seed(specs: ItemSpec[]) {
  const store = new MemoryStore();
  for (const item of buildItems(specs)) await store.put(item);
  return store;
}

describe('outbox sync engine', () => {
  it('any interleaving of lost requests, lost answers, 5xx, 429, 401 and crashes stores each item exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(specsArb, faultsArb, async (specs, faults) => {
        const store = await seed(specs);
        const server = new FakeServer(faults, store);
        const clock = { t: 1_000_000 };
        await syncUntilSettled(store, server, clock, faults.length + specs.length * 4 + 5);

        const items = await store.all();
        expect(items.every((i) => i.state === 'synced')).toBe(true);
        // Stored once each: the server's set of created ids is exactly the outbox.
        expect([...server.created].sort()).toEqual(items.map((i) => i.id).sort());
        expect(new Set(server.created).size).toBe(server.created.length);
        // A patrol's start, check-ins and end reached the server in the order they were filed.
        for (const seqs of createdOrderPerGroup(server.created, store).values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        // Nothing goes out once it is known to be synced.
        expect(server.sentAfterSynced).toBe(0);
        // Every photo is on the server, and every synced item knows its file ids.
        for (const item of items) for (const photo of item.photos) expect(photo.fileId && server.files.has(photo.fileId)).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('a replay of everything after syncing stores nothing twice', async () => {
    await fc.assert(
      fc.asyncProperty(specsArb, faultsArb, async (specs, faults) => {
        const store = await seed(specs);
        const server = new FakeServer(faults, store);
        const clock = { t: 1_000_000 };
        await syncUntilSettled(store, server, clock, faults.length + specs.length * 4 + 5);
        const before = [...server.created];
        for (const item of await store.all()) await store.put(resetForReplay(item));
        await syncUntilSettled(store, server, clock, faults.length + specs.length * 4 + 5);
        expect(server.created).toEqual(before);
        expect((await store.all()).every((i) => i.state === 'synced')).toBe(true);
        for (const id of before) expect(server.received.get(id)).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100 },
    );
  });

  it('a permanent failure holds back the rest of its group, and only that group, until retried or discarded', async () => {
    await fc.assert(
      fc.asyncProperty(specsArb, fc.nat(), fc.boolean(), async (specs, pick, discard) => {
        const store = await seed(specs);
        const server = new FakeServer([], store);
        const items = await store.all();
        const bad = items[pick % items.length];
        server.rejecting.add(bad.id);
        const clock = { t: 1_000_000 };
        await syncUntilSettled(store, server, clock, specs.length + 3);

        const after = await store.all();
        expect(after.find((i) => i.id === bad.id)?.state).toBe('failed');
        expect(after.find((i) => i.id === bad.id)?.error?.code).toBe('VALIDATION_FAILED');
        for (const item of after) {
          if (item.id === bad.id) continue;
          const heldBack = bad.group !== null && item.group === bad.group && item.seq > bad.seq;
          expect(item.state).toBe(heldBack ? 'pending' : 'synced');
        }

        // The user fixes and retries it, or discards it (a patrol's start with the rest of the patrol).
        if (discard) for (const gone of discardSet(bad, await store.all())) store.delete(gone.id);
        else {
          server.rejecting.delete(bad.id);
          await store.put(retryFailed(store.items.get(bad.id)!));
        }
        await syncUntilSettled(store, server, clock, specs.length + 3);
        expect((await store.all()).every((i) => i.state === 'synced')).toBe(true);
        for (const seqs of createdOrderPerGroup(server.created, store).values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('stops at a 401 with the item still pending and its try not counted, and goes on after signing in', async () => {
    const store = await seed([{ group: null, photos: 1 }, { group: null, photos: 0 }]);
    const server = new FakeServer(['none', 'expired'], store);
    const first = await syncOnce(store, server, { ownerId: OWNER, now: () => 0 });
    expect(first).toMatchObject({ authRequired: true, sent: 0 });
    const [item] = await store.all();
    expect(item).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: 0 });
    // The photo went up before the 401: it is not sent again.
    expect(item.photos[0].fileId).toBe('f-b-0-0');
    const second = await syncOnce(store, server, { ownerId: OWNER, now: () => 0 });
    expect(second).toMatchObject({ authRequired: false, sent: 2 });
    expect(server.created).toEqual(['h-0', 'h-1']);
  });

  it('stops the pass when the server cannot be reached, and waits out the backoff', async () => {
    const store = await seed([{ group: null, photos: 0 }, { group: null, photos: 0 }]);
    const server = new FakeServer(['lost-request'], store);
    const report = await syncOnce(store, server, { ownerId: OWNER, now: () => 1000 });
    expect(report).toMatchObject({ offline: true, sent: 0 });
    const again = await syncOnce(store, server, { ownerId: OWNER, now: () => 1000 });
    // h-0 waits for its backoff; h-1 goes.
    expect(again.sent).toBe(1);
    expect(server.created).toEqual(['h-1']);
  });

  it('sends only the signed-in user\u2019s items', async () => {
    const store = new MemoryStore();
    for (const item of buildItems([{ group: null, photos: 0 }], 'someone-else')) await store.put(item);
    const server = new FakeServer([], store);
    expect((await syncOnce(store, server, { ownerId: OWNER, now: () => 0 })).sent).toBe(0);
    expect((await store.all())[0].state).toBe('pending');
  });
});

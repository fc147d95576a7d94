import { useSyncExternalStore } from 'react';
import { PatrolCheckin, PatrolEnd, PatrolStart } from '../../../contracts/patrols';
import { kvDelete, kvGet, kvSet } from '../lib/db';
import type { Fix } from '../lib/geo';
import { uuid } from '../lib/ids';
import { outbox } from '../outbox/service';

/**
 * The patrol in progress on this phone. Its start, check-ins and end go to the outbox (in that
 * order, one group); this record only lets the screens show the walk while it is offline.
 */

export type LocalCheckin = { id: string; at: string; place?: string; finding: 'normal' | 'issue'; note?: string; hazardId?: string; lat: number; lng: number };
export type ActivePatrol = { id: string; ownerId: string; startedAt: string; checkins: LocalCheckin[] };

const key = (ownerId: string) => `patrol:${ownerId}`;

let current: ActivePatrol | null = null;
let loadedFor: string | null = null;
const listeners = new Set<() => void>();

function publish(next: ActivePatrol | null) {
  current = next;
  for (const l of listeners) l();
}

export async function loadActivePatrol(ownerId: string): Promise<void> {
  if (loadedFor === ownerId) return;
  loadedFor = ownerId;
  publish((await kvGet<ActivePatrol>(key(ownerId))) ?? null);
}

export function useActivePatrol(): ActivePatrol | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

async function save(next: ActivePatrol | null, ownerId: string) {
  if (next) await kvSet(key(ownerId), next);
  else await kvDelete(key(ownerId));
  publish(next);
}

export async function startPatrol(ownerId: string, fix: Fix | null): Promise<ActivePatrol> {
  const body = PatrolStart.parse({ id: uuid(), startedAt: new Date().toISOString(), ...(fix ? { lat: fix.lat, lng: fix.lng } : {}) });
  await outbox.enqueue({ kind: 'patrol-start', body });
  const patrol: ActivePatrol = { id: body.id, ownerId, startedAt: body.startedAt, checkins: [] };
  await save(patrol, ownerId);
  return patrol;
}

/** Picks up a patrol that the server knows is still open (started before this phone's data was cleared). */
export async function adoptPatrol(ownerId: string, id: string, startedAt: string): Promise<void> {
  await save({ id, ownerId, startedAt, checkins: [] }, ownerId);
}

export type CheckinInput = { place?: string; finding: 'normal' | 'issue'; note?: string; hazardId?: string };

/** Builds (and checks against the contract) a check-in; the id is fixed now so a hazard can wait for it. */
export function buildCheckin(input: CheckinInput, fix: Fix): PatrolCheckin {
  return PatrolCheckin.parse({
    id: uuid(),
    at: new Date().toISOString(),
    kind: 'checkin',
    lat: fix.lat,
    lng: fix.lng,
    ...(fix.accuracy !== undefined ? { accuracy: fix.accuracy } : {}),
    ...(input.place?.trim() ? { place: input.place.trim() } : {}),
    finding: input.finding,
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    ...(input.hazardId ? { hazardId: input.hazardId } : {}),
  });
}

export async function checkIn(patrol: ActivePatrol, body: PatrolCheckin): Promise<void> {
  await outbox.enqueue({ kind: 'patrol-checkin', patrolId: patrol.id, body });
  const base = current?.id === patrol.id ? current : patrol;
  const local: LocalCheckin = { id: body.id, at: body.at, place: body.place, finding: body.finding, note: body.note, hazardId: body.hazardId, lat: body.lat, lng: body.lng };
  await save({ ...base, checkins: [...base.checkins, local] }, patrol.ownerId);
}

export async function endPatrol(patrol: ActivePatrol, summary: string): Promise<void> {
  const body = PatrolEnd.parse({ endedAt: new Date().toISOString(), ...(summary.trim() ? { summary: summary.trim() } : {}) });
  await outbox.enqueue({ kind: 'patrol-end', patrolId: patrol.id, body });
  await save(null, patrol.ownerId);
}

/** The patrol's start was discarded from the outbox: there is no patrol in progress any more. */
export async function forgetPatrol(ownerId: string, id: string): Promise<void> {
  if (current?.id === id) await save(null, ownerId);
}

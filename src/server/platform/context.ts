import type { Config } from '../config';
import type { Actor } from './access/actor';
import type { Clock } from './clock';
import type { Db } from './db/client';

/** What the app is built from: passed to each module's routes, never a global. */
export type AppDeps = { db: Db; config: Config; clock: Clock; dbKind: 'embedded' | 'external' };

/** One request's caller, as services see it. */
export type Ctx = { actor: Actor; db: Db; clock: Clock; config: Config; requestId: string; ip: string | null };

import type { Config } from '../config';
import type { Actor } from './access/actor';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type { FileStorage } from './files/storage';

/** What the app is built from: passed to each module's routes, never a global. */
export type AppDeps = { db: Db; config: Config; clock: Clock; dbKind: 'embedded' | 'external'; files: FileStorage };

/** One request's caller, as services see it. */
export type Ctx = { actor: Actor; db: Db; clock: Clock; config: Config; files: FileStorage; requestId: string; ip: string | null };

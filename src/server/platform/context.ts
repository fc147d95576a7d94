import type { Config } from '../config';
import type { Actor } from './access/actor';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type { FileStorage } from './files/storage';
import type { RealtimeBus } from './realtime/bus';

/** What the app is built from: passed to each module's routes, never a global. */
export type AppDeps = { db: Db; config: Config; clock: Clock; dbKind: 'embedded' | 'external'; files: FileStorage;
  /** Live updates across app nodes (LISTEN/NOTIFY); absent in tests that do not need it. */
  bus?: RealtimeBus };

/** One request's caller, as services see it. */
export type Ctx = { actor: Actor; db: Db; clock: Clock; config: Config; files: FileStorage; bus: RealtimeBus | null; requestId: string; ip: string | null };

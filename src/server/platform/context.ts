import type { Config } from '../config';
import type { Actor } from './access/actor';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type { FileStorage } from './files/storage';
import type { Announcer, RealtimeBus } from './realtime/bus';

/** What the app is built from: passed to each module's routes, never a global. */
export type AppDeps = { db: Db; config: Config; clock: Clock; dbKind: 'embedded' | 'external'; files: FileStorage;
  /** Live updates across app nodes (LISTEN/NOTIFY); absent in tests that do not need it. */
  bus?: RealtimeBus;
  /** Sends realtime events after their commit, batched; buildApp makes one when absent. */
  announcer?: Announcer };

/** The dependencies once buildApp has filled in what was left out. */
export type BuiltDeps = AppDeps & { announcer: Announcer };

/** One request's caller, as services see it. */
export type Ctx = { actor: Actor; db: Db; clock: Clock; config: Config; files: FileStorage; bus: RealtimeBus | null; announcer: Announcer; requestId: string; ip: string | null };

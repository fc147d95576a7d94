import type { Locale } from '../../../contracts/common';
import type { Role } from '../../../contracts/roles';

export type Grant = { role: Role; unitId: string; path: string };

/** The signed-in user as every service sees them: who, where, and what they hold on which node. */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  unitId: string;
  grants: Grant[];
  /** The minimal set of subtree roots the actor can see (ancestors absorb their descendants). */
  scopePaths: string[];
  mustChangePassword: boolean;
  sessionId: string;
};

import type { Job } from '../../platform/jobs/runner';
import { sweepOverdueHazards } from './escalation.job';
import { foldRollupDeltas } from './rollups';

export const hazardJobs: Job[] = [
  { name: 'overdue hazards escalated', everySeconds: 60, run: sweepOverdueHazards },
  // Statistics fold them in too before each read; this keeps the table of deltas short.
  { name: 'hazard roll-up deltas folded', everySeconds: 1, quiet: true, run: (db) => foldRollupDeltas(db) },
];

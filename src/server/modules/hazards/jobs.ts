import type { Job } from '../../platform/jobs/runner';
import { sweepOverdueHazards } from './escalation.job';

export const hazardJobs: Job[] = [{ name: 'overdue hazards escalated', everySeconds: 60, run: sweepOverdueHazards }];

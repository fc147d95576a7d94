import type { Cases } from './model';
import { coreCases } from './core-cases';
import { hazardCases } from './hazards-cases';
import { hazardStatsCases } from './hazard-stats-cases';
import { fileCases } from './files-cases';
import { patrolCases } from './patrols-cases';
import { riskCases } from './risks-cases';
import { gridCases } from './grids-cases';
import { dutyCommsCases } from './duty-comms-cases';
import { dutyEventCases } from './duty-events-cases';
import { dutyRosterCases } from './duty-roster-cases';
import { planCases } from './plans-cases';
import { warningCases } from './warnings-cases';
import { responseCases } from './responses-cases';
import { warningCapCases } from './warnings-cap-cases';

/** Every module's cases. A module with routes adds its case file here. */
export const CASES: Cases = { ...coreCases, ...fileCases, ...hazardCases, ...patrolCases, ...hazardStatsCases, ...riskCases, ...gridCases, ...dutyCommsCases, ...dutyEventCases, ...dutyRosterCases, ...planCases, ...warningCases, ...warningCapCases, ...responseCases };

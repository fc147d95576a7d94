export * from './cap';
export { parseCap, type CapParseResult } from './parse';
export { exportCap, CapExportError } from './export';
export { makeWarningIdentifier, parseWarningIdentifier, type WarningIdentifierInput, type WarningIdentifierParts } from './identifier';
export { validateCapAlert, isCapDateTime, capDateTimeToDate, formatCapDateTime } from './rules';
export {
  WARNING_TYPES,
  WARNING_LEVELS,
  OWN_TYPE_CODE,
  OWN_LEVEL_PARAMETER,
  levelToSeverity,
  severityToLevel,
  detectWarningType,
  capToWarningDraft,
  warningToCap,
  type WarningType,
  type WarningLevel,
  type WarningDraft,
  type WarningForCap,
  type CapEnvelope,
} from './mapping';

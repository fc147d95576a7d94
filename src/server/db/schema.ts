/** Every table, for Drizzle's typed queries and for drizzle-kit's migration generator. */
export * from '../platform/hierarchy/schema';
export * from '../platform/auth/schema';
export * from '../platform/audit/schema';
export * from '../platform/files/schema';
export * from '../modules/org/schema';
export * from '../modules/risks/schema';
export * from '../modules/grids/schema';
export * from '../modules/hazards/schema';
export * from '../modules/patrols/schema';
export * from '../modules/duty/events/schema';
export * from '../modules/duty/roster/schema';
export * from '../modules/duty/comms/schema';
export * from '../modules/plans/schema';
export * from '../modules/warnings/schema';
export * from '../modules/responses/schema';

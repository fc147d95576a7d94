/** The duty desk's pure rules: report deadlines, rosters and Beijing-time helpers. */
export * from './beijing';
export * from './deadlines';
export * from './roster';

/** Limits shared by the server's zod schemas and the web forms, so both say the same thing. */
export const LIMITS = {
  nameMax: 60,
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 10,
  passwordMax: 128,
  phoneMax: 20,
  addressMax: 200,
  notesMax: 500,
  reasonMax: 200,
  searchMax: 60,
  pageSizeMax: 200,
  importRowsMax: 5000,
  importFileBytesMax: 5 * 1024 * 1024,
  rolesPerAccountMax: 20,
  dutiesPerPostMax: 12,
} as const;

/** Station standard from the plan: at least 6 posts, at least 2 of them full-time. */
export const STATION_STANDARD = { minPosts: 6, minFullTime: 2 } as const;

/**
 * A PostgreSQL array literal (`{a,b}`) of ids or ltree paths, sent as ONE parameter and cast in
 * SQL (`::uuid[]`, `::ltree[]`). Drizzle would expand a JS array into a list of parameters. Only
 * for values without commas, quotes, braces or spaces — uuids and ltree paths.
 */
export const pgArrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

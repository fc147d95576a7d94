import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: a unit's materialized path, so "this node and below" is one indexed predicate. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'ltree';
  },
});

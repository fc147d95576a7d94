import type pg from 'pg';

/** `ddl` re-creates the object; for keys it builds the unique index and `attach` turns it into the constraint. */
type Saved = { table: string; name: string; kind: 'fk' | 'key' | 'index'; ddl: string; attach?: string };

/**
 * Bulk loading tens of millions of rows is several times faster without indexes and foreign keys:
 * each row would otherwise pay a random index insert per index and a trigger-run lookup per
 * foreign key. The definitions are read from the catalog (pg_get_constraintdef / pg_get_indexdef),
 * dropped, and re-created after the load from exactly those definitions — so the schema the app
 * runs on is the one its migrations made. Check constraints stay (they are cheap).
 */
export async function dropForLoad(db: pg.Pool, tables: string[]): Promise<Saved[]> {
  const saved: Saved[] = [];
  const { rows: fks } = await db.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
     from pg_constraint where contype = 'f' and (conrelid::regclass::text = any($1) or confrelid::regclass::text = any($1))`,
    [tables],
  );
  const { rows: keys } = await db.query<{ tbl: string; name: string; def: string; index: string; type: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def, pg_get_indexdef(conindid) as index,
            case contype when 'p' then 'primary key' else 'unique' end as type
     from pg_constraint where contype in ('p', 'u') and conrelid::regclass::text = any($1)`,
    [tables],
  );
  const { rows: indexes } = await db.query<{ tbl: string; name: string; def: string }>(
    `select indrelid::regclass::text as tbl, indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
     from pg_index i where indrelid::regclass::text = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
    [tables],
  );
  for (const f of fks) {
    saved.push({ table: f.tbl, name: f.name, kind: 'fk', ddl: `alter table ${f.tbl} add constraint "${f.name}" ${f.def}` });
    await db.query(`alter table ${f.tbl} drop constraint "${f.name}"`);
  }
  for (const k of keys) {
    // Built as a plain unique index (a SHARE lock, so other indexes of the table build beside it),
    // then attached as the constraint, which keeps the index's name: the same schema as before.
    saved.push({ table: k.tbl, name: k.name, kind: 'key', ddl: k.index, attach: `alter table ${k.tbl} add constraint "${k.name}" ${k.type} using index "${k.name}"` });
    await db.query(`alter table ${k.tbl} drop constraint "${k.name}"`);
  }
  for (const i of indexes) {
    saved.push({ table: i.tbl, name: i.name, kind: 'index', ddl: i.def });
    await db.query(`drop index ${i.name}`);
  }
  return saved;
}

/**
 * Keys and indexes first (built by sorting), the biggest tables' first, two at a time on the two
 * cores (CREATE INDEX takes a SHARE lock, so two indexes of one table build together); then the
 * keys are attached; foreign keys last (each checked by one join instead of a lookup per row).
 */
export async function restoreAfterLoad(db: pg.Pool, saved: Saved[], timed: (ddl: string, seconds: number) => void): Promise<void> {
  const run = async (q: pg.Pool | pg.PoolClient, ddl: string) => {
    const t = Date.now();
    await q.query(ddl);
    timed(ddl, (Date.now() - t) / 1000);
  };
  const sizes = new Map(
    (await db.query<{ t: string; size: string }>(`select t, pg_relation_size(t::regclass) as size from unnest($1::text[]) t`, [[...new Set(saved.map((s) => s.table))]])).rows.map((r) => [r.t, Number(r.size)]),
  );
  const builds = saved.filter((s) => s.kind !== 'fk').sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0));
  const queue = [...builds];
  const worker = async () => {
    const client = await db.connect();
    try {
      for (let s = queue.shift(); s; s = queue.shift()) await run(client, s.ddl);
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  for (const k of builds) if (k.attach) await run(db, k.attach);
  for (const f of saved.filter((s) => s.kind === 'fk')) await run(db, f.ddl);
}

/** The schema's keys, indexes and foreign keys, to prove the restore is exact. */
export async function schemaFingerprint(db: pg.Pool, tables: string[]): Promise<string[]> {
  const { rows } = await db.query<{ d: string }>(
    `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint
       where conrelid::regclass::text = any($1) or confrelid::regclass::text = any($1)
     union all
     select pg_get_indexdef(indexrelid) from pg_index where indrelid::regclass::text = any($1)
     order by 1`,
    [tables],
  );
  return rows.map((r) => r.d);
}

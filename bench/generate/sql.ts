/**
 * The set-based statements that make the history. Each runs as INSERT … SELECT over
 * generate_series in the database, sliced so that the two cores each run one slice.
 *
 * Parameters: $1 = "now" of the dataset (every generated row is at or before it), $2/$3 = the
 * slice's first and last number, $4 = the total, $5 = the number of grids.
 */

/** The grids, numbered, with what rows made on them need (a reporter, a walker, a position). */
export const CREATE_GRID_INDEX = `
  create table bench_grids (
    ix int primary key,
    id uuid not null,
    lat float8 not null,
    lng float8 not null,
    account_id uuid,
    walker_id uuid not null,
    walker_name text not null
  );
  insert into bench_grids (ix, id, lat, lng, account_id, walker_id, walker_name)
  select row_number() over (order by u.code) - 1, u.id, u.lat, u.lng, a.id,
         coalesce(a.id, md5('walker' || u.code)::uuid), coalesce(a.display_name, '网格员' || right(u.code, 6))
  from units u
  left join lateral (select us.id, us.display_name from users us where us.unit_id = u.id order by us.username limit 1) a on true
  where u.level = 'grid';
  analyze bench_grids;`;

/**
 * ~1M hazards over five years, evenly in time, on random grids, in weighted categories
 * ($6 = codes, $7 = cumulative weights for width_bucket). Older than 90 days: almost all closed
 * (96 %), the rest rejected or merged. Younger: the fresher, the likelier still open; an open
 * hazard past its due date is already flagged overdue (as the sweep would have done), so the app's
 * sweep finds nothing to do at boot. Codes use seven digits, which the app's six-digit codes never
 * collide with.
 */
export const INSERT_HAZARDS = `
  with b as (
    select i,
           $1::timestamptz - interval '1826 days' * (1 - (i - random()) / $4::float8) as reported_at,
           (hashint4(i)::bigint & 2147483647) % $5 as gix,
           ($6::text[])[width_bucket(random(), $7::float8[]) + 1] as cat,
           random() as r_state, random() as r_kind, random() as r_close, random() as r_src, random() as r_level
    from generate_series($2::int, $3::int) i
  ), s as (
    select b.*,
           extract(epoch from ($1::timestamptz - b.reported_at)) / 86400 as age,
           case
             when extract(epoch from ($1::timestamptz - b.reported_at)) / 86400 > 90 then
               case when b.r_state < 0.96 then 'closed' when b.r_state < 0.99 then 'rejected' else 'merged' end
             when b.r_state < 0.8 * (1 - extract(epoch from ($1::timestamptz - b.reported_at)) / 86400 / 90) then
               (array['reported','verified','graded','rectifying','rectifying','accepting'])[1 + floor(b.r_kind * 6)::int]
             else 'closed'
           end as state
    from b
  ), t as (
    select s.*,
           s.reported_at + least(interval '1 minute' * (1 + s.r_src * 10), $1::timestamptz - s.reported_at) as received_at,
           -- half a day to 45 days to settle, never after "now"
           s.reported_at + interval '1 day' * least(0.5 + s.r_close * 44.5, s.age * s.r_close) as settled_at,
           case when s.r_level < 0.05 then 'major' else 'general' end as suggested,
           case when s.r_src < 0.7 then 'app' when s.r_src < 0.95 then 'patrol' else 'public' end as source,
           case s.state
             when 'reported' then s.reported_at + interval '24 hours'
             when 'rectifying' then s.reported_at + interval '30 days'
             when 'accepting' then s.reported_at + interval '30 days'
           end as due_at
    from s
  )
  insert into hazards (id, code, unit_id, category_code, description, lat, lng, accuracy, suggested_level, level,
                       supervised, state, source, reporter_user_id, reporter_name, reporter_phone, reported_at, received_at,
                       due_at, overdue, escalation_level, closed_at, updated_at)
  select gen_random_uuid(),
         'YH' || to_char(t.reported_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(t.i::text, 7, '0'),
         g.id, t.cat, '巡查发现' || c.name_zh || '隐患（批量生成 #' || t.i || '）',
         g.lat + (random() - 0.5) * 0.002, g.lng + (random() - 0.5) * 0.002, 5 + random() * 20,
         t.suggested,
         case when t.state in ('graded','rectifying','accepting','closed') then t.suggested end,
         t.suggested = 'major' and t.state in ('graded','rectifying','accepting','closed'),
         t.state, t.source,
         case when t.source <> 'public' then g.account_id end,
         case when t.source <> 'public' then g.walker_name else '群众' end,
         case when t.source = 'public' then '13800000000' end,
         t.reported_at, t.received_at,
         t.due_at, coalesce(t.due_at < $1::timestamptz, false), case when t.due_at < $1::timestamptz then 1 else 0 end,
         case when t.state = 'closed' then t.settled_at end,
         case when t.state in ('closed','rejected','merged') then t.settled_at else t.received_at end
  from t
  join bench_grids g on g.ix = t.gix
  join hazard_categories c on c.code = t.cat`;

/** The timeline: a report event for every hazard, and the last step of every finished one. */
export const INSERT_HAZARD_EVENTS = `
  insert into hazard_events (id, hazard_id, at, action, from_state, to_state, actor_id, actor_name, note, photo_ids)
  select gen_random_uuid(), h.id, h.received_at, 'report', null, 'reported', h.reporter_user_id, h.reporter_name, null, '{}'::text[]
  from hazards h where h.received_at <= $1::timestamptz
  union all
  select gen_random_uuid(), h.id, h.updated_at,
         case h.state when 'closed' then 'accept' when 'rejected' then 'reject' else 'merge' end,
         case h.state when 'closed' then 'accepting' else 'reported' end,
         h.state, null, '站长', null, '{}'::text[]
  from hazards h where h.state in ('closed','rejected','merged') and h.received_at <= $1::timestamptz`;

/**
 * ~3.6M patrols: every grid about six a month for five years (the k-th patrol of a grid at the
 * k-th slot of the span, at a random hour). 2–6 check-ins each, 6 % with an issue.
 */
export const INSERT_PATROLS = `
  with b as (
    select i, i % $5 as gix,
           $1::timestamptz - interval '1 hour'
             - (interval '1826 days' - interval '1 hour') * (1 - ((i / $5)::float8 + random() * 0.8) / ceil($4::float8 / $5)) as started_at
    from generate_series($2::int, $3::int) i
  )
  insert into patrols (id, unit_id, walker_id, walker_name, started_at, ended_at, start_lat, start_lng, summary, checkins, issues, received_at)
  select gen_random_uuid(), g.id, g.walker_id, g.walker_name, b.started_at, b.started_at + interval '27 minutes',
         g.lat, g.lng, null, 2 + b.i % 5, case when random() < 0.06 then 1 else 0 end, b.started_at + interval '28 minutes'
  from b join bench_grids g on g.ix = b.gix`;

/**
 * Ten points per patrol, three minutes apart: its check-ins first (the first one carries the
 * issue, if any), then GPS track points — so the patrol's counters are exactly its points.
 * $2/$3 here bound started_at, to give each core half of the patrols ($1 is a no-op bound).
 */
export const INSERT_PATROL_POINTS = `
  insert into patrol_points (id, patrol_id, at, kind, lat, lng, accuracy, place, finding, note, hazard_id)
  select gen_random_uuid(), p.id, p.started_at + interval '3 minutes' * (j - 1),
         case when j <= p.checkins then 'checkin' else 'track' end,
         p.start_lat + j * 0.0001, p.start_lng + j * 0.0001, 8,
         case when j <= p.checkins then '打卡点' || j end,
         case when j = 1 and p.issues = 1 then 'issue' else 'normal' end,
         null, null
  from patrols p cross join generate_series(1, 10) j
  where p.started_at >= $2::timestamptz and p.started_at < $3::timestamptz and p.started_at <= $1::timestamptz`;

/** The open states (src/server/modules/hazards/rules.ts OPEN_STATES). */
export const OPEN_STATES_SQL = `('reported','verified','awaiting_approval','graded','rectifying','accepting')`;

/** Every unit and each of its ancestors (itself included): the rows a roll-up bump touches. */
const ANCESTORS = `select u.id as unit_id, a.id as anc_id from units u join units a on a.path @> u.path`;

/**
 * The monthly roll-ups in one aggregate statement each, exactly as the app's bumps would have left
 * them: per unit and every unit above it, per month (Beijing time) of the report or the patrol's
 * start, per category; closed counts and days-to-close only for closed hazards.
 */
export const FILL_HAZARD_ROLLUPS = `
  insert into hazard_rollups (unit_id, month, category_code, found, closed, close_days_sum, overdue)
  select anc.anc_id, date_trunc('month', h.reported_at at time zone 'Asia/Shanghai')::date, h.category_code,
         count(*), count(*) filter (where h.state = 'closed'),
         coalesce(sum(extract(epoch from h.closed_at - h.reported_at) / 86400) filter (where h.state = 'closed'), 0),
         count(*) filter (where h.overdue and h.state in ${OPEN_STATES_SQL})
  from hazards h join (${ANCESTORS}) anc on anc.unit_id = h.unit_id
  group by 1, 2, 3`;

export const FILL_PATROL_ROLLUPS = `
  insert into patrol_rollups (unit_id, month, patrols, checkins, issues)
  select anc.anc_id, date_trunc('month', p.started_at at time zone 'Asia/Shanghai')::date, count(*), sum(p.checkins), sum(p.issues)
  from patrols p join (${ANCESTORS}) anc on anc.unit_id = p.unit_id
  group by 1, 2`;

// The one SQL statement per metric event: every exposed user's values for the metrics on that event,
// reduced to per-arm sufficient statistics inside the database. See docs/decisions/080-results-sql.md.
import { sql, type SQL } from "drizzle-orm";
import type { Aggregation } from "./metric-plan";

/** A value metric on the query's event: `property` aggregated per user, written to column `m<index>`. */
export interface ValueColumn {
  index: number;
  property: string;
  aggregation: Aggregation;
}

export interface EventQuerySpec {
  projectId: string;
  personalizationId: string;
  from: Date | null;
  to: Date;
  timezone: string;
  /** The event whose occurrences are attributed; null: exposures only (no metric). */
  event: string | null;
  values: readonly ValueColumn[];
  /** Also group by the day of exposure and the day of first conversion (the daily series). */
  series: boolean;
  /**
   * Only profiles in [from, to) in byte order (null: unbounded): one slice of a call split across
   * connections (split.ts). Every statistic is a sum over profiles, so the slices add up.
   */
  profiles?: { from: string | null; to: string | null };
}

/** One output row: an (experience, arm) group, split by `earliest`, per day when `series`. */
export interface EventQueryRow {
  experience_id: string;
  arm: "control" | "treatment";
  /** The unit is the user's earliest exposure among the personalization's experiences (the total row counts only these). */
  earliest: boolean;
  /** 1: grouped by the day of first exposure (every statistic); 2: by the day of first conversion (`users` = conversions that day). */
  set_id: number;
  /** `YYYY-MM-DD` in the project's time zone; null without `series` (and, in set 2, for users who did not convert). */
  day: string | null;
  users: number;
  converted: number;
  [column: string]: unknown;
}

/**
 * A JSON property as a number, or null: JSON numbers, and strings that are plain decimals. Values of
 * magnitude 1e15 or more are ignored (no real amount is that large, and squaring one would overflow
 * double precision in Σx²).
 */
function numeric(p: SQL): SQL {
  return sql`case jsonb_typeof(${p})
      when 'number' then case when abs(cast(${p} as numeric)) < 1e15 then cast(${p} as double precision) end
      when 'string' then case when (${p} #>> '{}') ~ '^\\s*[-+]?[0-9]{1,15}(\\.[0-9]{1,15})?\\s*$' then cast(${p} #>> '{}' as double precision) end
    end`;
}

/**
 * One user's value from their attributed events. `first`/`last` go by time; equal times are broken
 * by the smaller (first) or larger (last) value, so the result does not depend on storage order.
 */
function perUser(aggregation: Aggregation, v: SQL): SQL {
  switch (aggregation) {
    case "sum":
      return sql`coalesce(sum(${v}), 0)`;
    case "avg":
      return sql`avg(${v})`;
    case "max":
      return sql`max(${v})`;
    case "min":
      return sql`min(${v})`;
    case "first":
      return sql`(min(array[date_part('epoch', e.occurred_at), ${v}]) filter (where ${v} is not null))[2]`;
    case "last":
      return sql`(max(array[date_part('epoch', e.occurred_at), ${v}]) filter (where ${v} is not null))[2]`;
  }
}

const column = (name: string) => sql.raw(`"${name}"`);

/** The condition keeping a slice's profiles, in the indexes' byte order; empty without a slice. */
function profileSlice(spec: EventQuerySpec): SQL {
  const lo = spec.profiles?.from ?? null;
  const hi = spec.profiles?.to ?? null;
  return sql`${lo === null ? sql`` : sql` and profile_id collate "C" >= ${lo}`}${hi === null ? sql`` : sql` and profile_id collate "C" < ${hi}`}`;
}

export function eventQuery(spec: EventQuerySpec): SQL {
  const slice = profileSlice(spec);
  const from = spec.from ? spec.from.toISOString() : "-infinity";
  const to = spec.to.toISOString();
  const properties = [...new Set(spec.values.map((v) => v.property))];
  const propertyColumn = (property: string) => column(`p${properties.indexOf(property)}`);
  const valueColumn = (property: string) => column(`v${properties.indexOf(property)}`);

  // x: the exposed units (one per experience and user) in the order of the covering index — profile,
  // arm, first exposure, experience — so that nothing below sorts them: `earliest` (the unit the
  // total row counts: the user's first exposure in the personalization, ties to the experience id
  // first in byte order) is a running window over that order, the join is a merge join on profile_id and
  // the per-unit grouping streams. Profile ids compare in byte order (collate "C", as the indexes
  // store them): a memcmp, not the database locale's rules. `offset 0` keeps the planner from
  // flattening the subquery and losing the order.
  const units = sql`
    select profile_id collate "C" as profile_id, arm, first_at, experience_id collate "C" as experience_id,
      row_number() over (partition by profile_id collate "C", arm order by first_at, experience_id collate "C") = 1 as earliest
    from experience_exposures
    where project_id = ${spec.projectId} and personalization_id = ${spec.personalizationId}
      and first_at >= cast(${from} as timestamptz) and first_at < cast(${to} as timestamptz)${slice}
    order by 1, 2, 3, 4
    offset 0`;

  let perUnit: SQL;
  if (spec.event === null) {
    perUnit = sql`select profile_id, arm, first_at, experience_id, earliest, cast(null as timestamptz) as converted_at from x`;
  } else {
    const eventFilter = sql`project_id = ${spec.projectId} and name = ${spec.event}
      and occurred_at >= cast(${from} as timestamptz) and occurred_at < cast(${to} as timestamptz)${slice}`;
    let attributed: SQL;
    if (properties.length === 0) {
      // Triggered metrics only: the events index holds all we need, in profile order (index-only).
      attributed = sql`select profile_id collate "C" as profile_id, occurred_at from events where ${eventFilter} order by 1 offset 0`;
    } else {
      // Values live in `properties`, which no index holds (see the decision record): read the event's
      // rows in heap order (a bitmap scan), keep only the numbers, then sort by profile. Sorting on
      // `profile_id || ''` rather than `profile_id` is deliberate: it is not the index's order, so the
      // planner cannot choose to fetch a million rows from the heap one by one in index order.
      const extracted = properties.map((property, i) => sql`, properties -> ${property} as ${column(`p${i}`)}`);
      const numbers = properties.map((property) => sql`, ${numeric(sql`raw.${propertyColumn(property)}`)} as ${valueColumn(property)}`);
      attributed = sql`
        select (raw.profile_id || '') collate "C" as profile_id, raw.occurred_at ${sql.join(numbers, sql``)}
        from (select profile_id, occurred_at ${sql.join(extracted, sql``)} from events where ${eventFilter} offset 0) raw
        order by 1
        offset 0`;
    }
    const aggregates = spec.values.map((v) => sql`, ${perUser(v.aggregation, sql`e.${valueColumn(v.property)}`)} as ${column(`m${v.index}`)}`);
    perUnit = sql`
      select x.profile_id, x.arm, x.first_at, x.experience_id, bool_or(x.earliest) as earliest, min(e.occurred_at) as converted_at
        ${sql.join(aggregates, sql``)}
      from x
      left join (${attributed}) e on e.profile_id = x.profile_id and e.occurred_at >= x.first_at
      group by x.profile_id, x.arm, x.first_at, x.experience_id`;
  }

  const days = spec.series
    ? sql`, cast(u.first_at at time zone ${spec.timezone} as date) as exposed_day,
          cast(u.converted_at at time zone ${spec.timezone} as date) as converted_day`
    : sql`, cast(null as date) as exposed_day, cast(null as date) as converted_day`;
  const grouping = spec.series
    ? sql`grouping sets ((experience_id, arm, earliest, exposed_day), (experience_id, arm, earliest, converted_day))`
    : sql`experience_id, arm, earliest, exposed_day, converted_day`;
  const setId = spec.series ? sql`grouping(exposed_day, converted_day)` : sql`1`;
  const sums = spec.values.map((v) => {
    const m = column(`m${v.index}`);
    return sql`, cast(count(${m}) as integer) as ${column(`m${v.index}_n`)},
      coalesce(sum(${m}), 0) as ${column(`m${v.index}_sum`)},
      coalesce(sum(${m} * ${m}), 0) as ${column(`m${v.index}_sum_squares`)}`;
  });

  const outputs = spec.values.flatMap((v) =>
    ["n", "sum", "sum_squares"].map((suffix) => sql`, g.${column(`m${v.index}_${suffix}`)}`),
  );

  return sql`
    with x as (${units}),
    u as (${perUnit}),
    r as (select u.* ${days} from u),
    g as (
      select experience_id, arm, earliest, exposed_day, converted_day, ${setId} as set_id,
        cast(count(*) as integer) as users, cast(count(converted_at) as integer) as converted
        ${sql.join(sums, sql``)}
      from r
      group by ${grouping}
    )
    select g.experience_id, cast(g.arm as text) as arm, g.earliest, g.set_id,
      to_char(coalesce(g.exposed_day, g.converted_day), 'YYYY-MM-DD') as day, g.users, g.converted
      ${sql.join(outputs, sql``)}
    from g`;
}

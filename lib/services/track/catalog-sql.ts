/**
 * The event and attribute catalogs, upserted in bulk in the track transaction. Rows are written in
 * key order so concurrent batches lock them in the same order. An attribute row is rewritten only
 * when its type changed or it was last seen over a minute ago: most batches repeat known paths
 * and need not write them again.
 *
 * $1 project, $2 now (ms), $3 event names, $4 their counts, $5 attribute paths, $6 their types.
 */
export const UPSERT_CATALOGS = `
with
  ev as (
    insert into catalog_events as c (project_id, name, count, first_seen_at, last_seen_at)
    select $1, n.name, n.count, to_timestamp($2::float8 / 1000), to_timestamp($2::float8 / 1000)
      from unnest($3::text[], $4::int[]) as n(name, count)
     order by n.name
    on conflict (project_id, name) do update
       set count = c.count + excluded.count, last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at)),
  attr as (
    insert into catalog_attributes as c (project_id, path, type, last_seen_at)
    select $1, a.path, a.type, to_timestamp($2::float8 / 1000)
      from unnest($5::text[], $6::text[]) as a(path, type)
     order by a.path
    on conflict (project_id, path) do update
       set type = excluded.type, last_seen_at = excluded.last_seen_at
     where c.type is distinct from excluded.type or c.last_seen_at < excluded.last_seen_at - interval '1 minute')
select 1`;

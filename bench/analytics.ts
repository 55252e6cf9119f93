// Results at volume: 1 000 000 first exposures and 10 000 000 events on PostgreSQL, timed through the
// same service the API calls. Run: `npx tsx bench/analytics.ts` (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/bespoke_bench; the database is created and seeded when missing,
// then reused). Baselines in the same run: the same statements without the results indexes, and
// the naive approach (one query per user, values reduced in JavaScript) on a sample, extrapolated.
// A benchmark, not a test: it prints figures and never fails on timing.
import os from "node:os";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase, type DbHandle } from "../db/client";
import { runMigrations } from "../db/migrate";
import type { ServiceContext } from "../lib/services/context";
import { getPersonalizationResults } from "../lib/services/analytics/get-results";
import { eventQuery } from "../lib/services/analytics/event-query";
import { orderMetrics, planQueries, type MetricSpec } from "../lib/services/analytics/metric-plan";
import { runResultsQuery } from "../lib/services/analytics/run-query";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bespoke_bench";
const ORG = "org_bench";
const PROJECT = "prj_bench";
const PERSONALIZATION = "per_bench";
const EXPOSED_USERS = 800_000;
const SECOND_EXPERIENCE_USERS = 200_000; // also exposed to a second experience: 1 000 000 first exposures
const PROFILES = 1_200_000; // events come from exposed and unexposed profiles alike
const EVENTS = 10_000_000;
const START = "2026-01-01T00:00:00Z";
const TO = new Date("2026-02-05T00:00:00Z");

const METRICS: MetricSpec[] = [
  { id: "met_bench_purchase", event: "purchase", measure: "triggered", property: null, aggregation: null, primary: true },
  { id: "met_bench_revenue", event: "purchase", measure: "value", property: "amount", aggregation: "sum", primary: false },
  { id: "met_bench_cart", event: "add_to_cart", measure: "triggered", property: null, aggregation: null, primary: false },
];

/** The indexes migration 0002 adds for results; the baseline runs without them. */
const RESULTS_INDEXES = ["events_results_idx", "experience_exposures_results_idx"];

export interface AnalyticsBenchResult {
  exposures: number;
  events: number;
  seed_ms: number | null;
  /** The whole results call (all statements and the statistics), each round. */
  results_call_ms: number[];
  results_call_best_ms: number;
  /** Each statement alone. */
  statements_ms: Record<string, number>;
  /** The same statements, one after the other, without the results indexes (null: over the timeout). */
  without_indexes_ms: number | null;
  /** One query per user for every metric, reduced in JavaScript, on `naive_sample` users, extrapolated to all. */
  naive_sample: number;
  naive_sample_ms: number;
  naive_extrapolated_ms: number;
  load_average: number;
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function count(handle: DbHandle, text: string, params: unknown[]): Promise<number> {
  const [row] = await handle.query<{ n: number }>(text, params);
  return Number(row?.n ?? 0);
}

/** The tenant, personalization, experiences and metrics: small, upserted on every run. */
async function seedCatalog(handle: DbHandle): Promise<void> {
  await handle.query(`insert into organizations (id, name) values ($1, 'bench-results') on conflict do nothing`, [ORG]);
  await handle.query(`insert into projects (id, org_id, name) values ($1, $2, 'bench') on conflict do nothing`, [PROJECT, ORG]);
  await handle.query(
    `insert into personalizations (id, project_id, name, selector, status, control_percent, started_at)
     values ($1, $2, 'Bench', 'bench', 'running', 10, $3) on conflict do nothing`,
    [PERSONALIZATION, PROJECT, START],
  );
  for (let i = 1; i <= 3; i++) {
    await handle.query(
      `insert into experiences (id, project_id, personalization_id, name, priority, audience)
       values ($1, $2, $3, $4, $5, '{"$everyone": true}') on conflict do nothing`,
      [`exp_b${i}`, PROJECT, PERSONALIZATION, `Experience ${i}`, i],
    );
  }
  for (const [position, m] of METRICS.entries()) {
    await handle.query(
      `insert into metrics (id, project_id, personalization_id, event, measure, property, aggregation, is_primary, position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [m.id, PROJECT, PERSONALIZATION, m.event, m.measure, m.property, m.aggregation, m.primary, position],
    );
  }
}

/**
 * The volume, set-based: secondary indexes are dropped first and rebuilt after (building an index
 * by sorting is many times faster than inserting ten million rows into random places of it).
 */
async function seedVolume(handle: DbHandle, log: (line: string) => void): Promise<void> {
  const tables = ["events", "experience_exposures"];
  await handle.query(`delete from events where project_id = $1`, [PROJECT]);
  await handle.query(`delete from experience_exposures where project_id = $1`, [PROJECT]);
  const indexes = await handle.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     join pg_class c on c.relname = i.indexname
     join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = any($1) and not x.indisprimary and not x.indisunique`,
    [tables],
  );
  for (const index of indexes) await handle.query(`drop index "${index.indexname}"`);
  const profile = (v: string) => `'prf_' || substr(md5(${v}::text), 1, 20)`;
  const arm = (v: string) => `(case when (hashint4(${v}) & 1023) < 102 then 'control' else 'treatment' end)::arm`;
  await handle.query("select setseed(0.42)");
  log(`  seeding ${EXPOSED_USERS + SECOND_EXPERIENCE_USERS} first exposures…`);
  await handle.query(
    `insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
     select $1, $2, 'exp_b' || (1 + (i % 3)), ${profile("i")}, ${arm("i")}, timestamptz '${START}' + random() * interval '30 days'
     from generate_series(1, ${EXPOSED_USERS}) i
     union all
     select $1, $2, 'exp_b' || (1 + ((i + 1) % 3)), ${profile("i")}, ${arm("i")}, timestamptz '${START}' + random() * interval '30 days'
     from generate_series(1, ${SECOND_EXPERIENCE_USERS}) i`,
    [PROJECT, PERSONALIZATION],
  );
  log(`  seeding ${EVENTS} events…`);
  await handle.query(
    `insert into events (project_id, profile_id, event_id, name, properties, occurred_at)
     select $1, ${profile("u")}, 'ev' || g, n,
       case when n = 'purchase' then jsonb_build_object('amount', round((random() * 200)::numeric, 2), 'currency', 'EUR')
            else jsonb_build_object('path', '/p/' || (g % 100)) end,
       timestamptz '${START}' + random() * interval '31 days'
     from (select g, 1 + floor(random() * ${PROFILES})::int as u,
             (array['page_view','page_view','page_view','page_view','page_view','page_view','add_to_cart','add_to_cart','purchase','signup'])[1 + floor(random() * 10)::int] as n
           from generate_series(1, ${EVENTS}) g) s`,
    [PROJECT],
  );
  log(`  rebuilding ${indexes.length} indexes…`);
  await handle.query("set maintenance_work_mem = '512MB'");
  for (const index of indexes) await handle.query(index.indexdef);
}

function serviceContext(handle: DbHandle): ServiceContext {
  return {
    db: handle.db,
    handle,
    actor: { type: "system", label: "bench" },
    project: { id: PROJECT, name: "bench", orgId: ORG, orgName: "bench", timezone: "UTC" },
    requestId: "bench",
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

/** The naive way: for each exposed unit, each metric's events fetched and reduced in JavaScript. */
async function naive(handle: DbHandle, sample: number): Promise<number> {
  const units = await handle.query<{ profile_id: string; experience_id: string; first_at: Date }>(
    `select profile_id, experience_id, first_at from experience_exposures
     where project_id = $1 and personalization_id = $2 order by hashtext(profile_id) limit $3`,
    [PROJECT, PERSONALIZATION, sample],
  );
  const [ms] = await timed(async () => {
    let total = 0;
    for (const unit of units) {
      for (const metric of METRICS) {
        const rows = await handle.query<{ properties: Record<string, unknown> }>(
          `select properties from events where project_id = $1 and profile_id = $2 and name = $3 and occurred_at >= $4 and occurred_at < $5`,
          [PROJECT, unit.profile_id, metric.event, unit.first_at, TO],
        );
        if (metric.measure === "triggered") total += rows.length > 0 ? 1 : 0;
        else for (const row of rows) total += Number(row.properties[metric.property ?? ""] ?? 0);
      }
    }
    return total;
  });
  return ms;
}

export async function runAnalyticsBench(
  options: { url?: string; rounds?: number; naiveSample?: number; log?: (line: string) => void } = {},
): Promise<AnalyticsBenchResult> {
  const url = options.url ?? process.env.DATABASE_URL ?? DEFAULT_URL;
  const rounds = options.rounds ?? 3;
  const sample = options.naiveSample ?? 1000;
  const log = options.log ?? (() => {});
  await ensureDatabase(url);
  const handle = await openDatabase({ url, poolMax: 8 });
  try {
    await runMigrations(handle);
    await seedCatalog(handle);
    const countExposures = () => count(handle, `select count(*) as n from experience_exposures where personalization_id = $1`, [PERSONALIZATION]);
    const countEvents = () => count(handle, `select count(*) as n from events where project_id = $1`, [PROJECT]);
    let exposures = await countExposures();
    let events = await countEvents();
    let seedMs: number | null = null;
    if (exposures !== EXPOSED_USERS + SECOND_EXPERIENCE_USERS || events !== EVENTS) {
      log(`seeding ${url.replace(/\/\/[^@]*@/, "//")} (once; later runs reuse it)`);
      [seedMs] = await timed(() => seedVolume(handle, log));
      log(`  seeded in ${(seedMs / 1000).toFixed(1)} s`);
      exposures = await countExposures();
      events = await countEvents();
    }
    // Index-only scans need the visibility map; autovacuum keeps it in a live database.
    await handle.query("vacuum analyze events");
    await handle.query("vacuum analyze experience_exposures");

    const ctx = serviceContext(handle);
    const query = { engine: "frequentist" as const };
    const callMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const [ms] = await timed(() => getPersonalizationResults(ctx, PERSONALIZATION, query, { now: TO }));
      callMs.push(ms);
      log(`  results call, round ${round + 1}: ${Math.round(ms)} ms`);
    }

    const plans = planQueries(orderMetrics(METRICS));
    const statement = (plan: (typeof plans)[number]) =>
      eventQuery({ projectId: PROJECT, personalizationId: PERSONALIZATION, from: null, to: TO, timezone: "UTC", ...plan });
    const statementsMs: Record<string, number> = {};
    for (const plan of plans) {
      const label = `${plan.event ?? "exposures"}${plan.values.length ? ` (+${plan.values.length} value)` : ""}${plan.series ? " + series" : ""}`;
      const [ms] = await timed(() => runResultsQuery(handle.db, statement(plan)));
      statementsMs[label] = Math.round(ms);
    }

    // Baseline 1: the same statements without the results indexes (dropped inside a transaction
    // that is rolled back), one after the other, with a timeout.
    let withoutMs: number | null = null;
    const pool = handle.pool;
    if (pool) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        for (const name of RESULTS_INDEXES) await client.query(`drop index if exists "${name}"`);
        await client.query(
          "select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('statement_timeout', '300s', true)",
        );
        const { PgDialect } = await import("drizzle-orm/pg-core");
        const dialect = new PgDialect();
        [withoutMs] = await timed(async () => {
          for (const plan of plans) {
            const q = dialect.sqlToQuery(statement(plan));
            await client.query(q.sql, q.params as unknown[]);
          }
        });
      } catch (error) {
        if ((error as { code?: string }).code !== "57014") throw error;
        withoutMs = null;
      } finally {
        await client.query("rollback").catch(() => {});
        client.release();
      }
    }

    // Baseline 2: per user in JavaScript, on a sample.
    const naiveMs = await naive(handle, sample);
    return {
      exposures,
      events,
      seed_ms: seedMs,
      results_call_ms: callMs.map(Math.round),
      results_call_best_ms: Math.round(Math.min(...callMs)),
      statements_ms: statementsMs,
      without_indexes_ms: withoutMs === null ? null : Math.round(withoutMs),
      naive_sample: sample,
      naive_sample_ms: Math.round(naiveMs),
      naive_extrapolated_ms: Math.round((naiveMs / sample) * (EXPOSED_USERS + SECOND_EXPERIENCE_USERS)),
      load_average: Number(os.loadavg()[0].toFixed(1)),
    };
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAnalyticsBench({ log: (line) => console.log(line) }).then(
    (r) => {
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(`results of one personalization: ${r.exposures.toLocaleString("en-US")} first exposures (3 experiences, 10% control), ${r.events.toLocaleString("en-US")} events; metrics: purchase (triggered, primary), purchase.amount (sum), add_to_cart (triggered)`);
      console.log(`  whole results call:         ${r.results_call_ms.map(s).join(", ")} (best ${s(r.results_call_best_ms)})`);
      for (const [label, ms] of Object.entries(r.statements_ms)) console.log(`    statement ${label}: ${s(ms)}`);
      console.log(`  baseline, no results indexes: ${r.without_indexes_ms === null ? "over 300 s (cancelled)" : s(r.without_indexes_ms)} (statements one after the other)`);
      console.log(`  baseline, per user in JS:   ${s(r.naive_sample_ms)} for ${r.naive_sample} users → ~${s(r.naive_extrapolated_ms)} for all`);
      console.log(`  load average during the run: ${r.load_average} on ${os.cpus().length} cores`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

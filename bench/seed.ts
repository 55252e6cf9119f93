// Realistic data for `npm run bench` on PostgreSQL: 50 running personalizations of 5 experiences
// (audiences mixing attributes, $event and $segment), 10 groups of five, 100 000 profiles and
// 1 000 000 events. Configuration goes through the service verbs (validated, audited); the bulk
// rows are set-based SQL. Seeding is skipped when a complete seed is already there.
import type { DbHandle } from "../db/client";
import type { Actor } from "../lib/auth/permissions";
import type { ServiceContext } from "../lib/services/context";
import { createOrganization } from "../lib/services/organizations/create-organization";
import { createPersonalization } from "../lib/services/personalizations/create-personalization";
import { startPersonalization } from "../lib/services/personalizations/start-personalization";
import { createProject } from "../lib/services/projects/create-project";
import { findProject } from "../lib/services/projects/find-project";
import { createSegment } from "../lib/services/segments/create-segment";
import { createSource } from "../lib/services/sources/create-source";

export const BENCH_ORG = "bench";
export const BENCH_PROJECT = "shop";
export const PROFILES = 100_000;
export const EVENTS = 1_000_000;
export const PERSONALIZATIONS = 50;
export const GROUPS = 10;

const SYSTEM: Actor = { type: "system", label: "bench" };
const PLANS = ["free", "pro", "team"];
const COUNTRIES = ["DE", "US", "FR", "GB", "NL", "ES"];
const EVENT_NAMES = ["page_view", "view_pricing", "add_to_cart", "purchase", "signup"];

function audience(p: number, e: number): Record<string, unknown> {
  switch (e) {
    case 0:
      return { "user.plan": PLANS[p % 3], "user.country": { $in: [COUNTRIES[p % 6], COUNTRIES[(p + 1) % 6]] }, "user.age": { $gte: 25 + (p % 20) } };
    case 1:
      return { $event: { name: "purchase", count: { $gte: 2 + (p % 3) }, within: { days: 30 }, where: { amount: { $gt: 20 } } } };
    case 2:
      return { $and: [{ $segment: `vip-${p % 5}` }, { "user.plan": { $ne: "free" } }] };
    case 3:
      return { $or: [{ $event: { name: "view_pricing", within: { days: 7 } } }, { $segment: `engaged-${p % 5}` }] };
    default:
      return { $everyone: true };
  }
}

const FREQUENCIES = ["always", "once_per_visit", "always", "once", "always"] as const;

export interface BenchSeed {
  key: string;
  selectors: string[];
  groups: string[];
  seeded: boolean;
}

async function countOf(handle: DbHandle, sql: string, params: unknown[]): Promise<number> {
  return Number((await handle.query<{ n: number }>(sql, params))[0]?.n ?? 0);
}

export async function seedBench(handle: DbHandle, log: (line: string) => void): Promise<BenchSeed> {
  let project = await findProject(handle.db, BENCH_ORG, BENCH_PROJECT).catch(() => null);
  const selectors = Array.from({ length: PERSONALIZATIONS }, (_, p) => `bench-p${p}`);
  const groups = Array.from({ length: GROUPS }, (_, g) => `bench-g${g}`);
  let seeded = false;

  if (!project) {
    await createOrganization({ db: handle.db, actor: SYSTEM }, { name: BENCH_ORG }).catch(() => undefined);
    project = await createProject({ db: handle.db, actor: SYSTEM }, { orgName: BENCH_ORG, name: BENCH_PROJECT, timezone: "Europe/Berlin" });
  }
  const ctx: ServiceContext = { db: handle.db, handle, actor: SYSTEM, project, requestId: "bench" };

  if ((await countOf(handle, "select count(*)::int as n from personalizations where project_id = $1 and status = 'running'", [project.id])) < PERSONALIZATIONS) {
    log("seeding configuration: segments, 50 personalizations × 5 experiences, 10 groups…");
    for (let s = 0; s < 5; s++) {
      await createSegment(ctx, { key: `vip-${s}`, name: `VIP ${s}`, type: "static" }).catch(() => undefined);
      await createSegment(ctx, {
        key: `engaged-${s}`,
        name: `Engaged ${s}`,
        type: "rule",
        condition: { $or: [{ "user.age": { $lt: 22 + s } }, { $event: { name: "add_to_cart", within: { days: 3 } } }] },
      }).catch(() => undefined);
    }
    for (let p = 0; p < PERSONALIZATIONS; p++) {
      const created = await createPersonalization(ctx, {
        name: `Bench personalization ${p}`,
        selector: selectors[p],
        controlPercent: 5 + (p % 3) * 5,
        groups: [groups[Math.floor(p / 5)]],
        metrics: [{ event: "purchase", measure: "triggered", primary: true }],
        experiences: Array.from({ length: 5 }, (_, e) => ({
          name: `Experience ${e}`,
          payload: { title: `Offer ${p}.${e} for {{ attribute.user.first_name | default: "you" }}`, cta: "Shop now", discount: (e + 1) * 5 },
          audience: audience(p, e),
          display: { frequency: FREQUENCIES[e], devices: "all" },
        })),
      });
      await startPersonalization(ctx, created.id);
    }
    seeded = true;
  }

  if ((await countOf(handle, "select count(*)::int as n from profiles where project_id = $1", [project.id])) < PROFILES) {
    log(`seeding ${PROFILES.toLocaleString()} profiles…`);
    await handle.query(
      `insert into profiles (id, project_id, user_id, attributes, last_activity_at)
       select 'prf_bench_' || i, $1, 'u-' || i,
              jsonb_build_object('plan', (array['free','pro','team'])[1 + i % 3], 'country', (array['DE','US','FR','GB','NL','ES'])[1 + i % 6],
                                 'age', 18 + i % 50, 'first_name', 'User' || i),
              now() - interval '1 day'
         from generate_series(1, $2::int) as i
       on conflict do nothing`,
      [project.id, PROFILES],
    );
    await handle.query(
      `insert into profile_ids (project_id, value, profile_id) select $1, 'anon-' || i, 'prf_bench_' || i from generate_series(1, $2::int) as i on conflict do nothing`,
      [project.id, PROFILES],
    );
    const segs = await handle.query<{ id: string; key: string }>("select id, key from segments where project_id = $1 and type = 'static'", [project.id]);
    for (const seg of segs) {
      const s = Number(seg.key.split("-")[1]);
      await handle.query(
        `insert into segment_members (project_id, segment_id, user_id) select $1, $2, 'u-' || i from generate_series(1, $3::int) as i where i % 10 = $4 on conflict do nothing`,
        [project.id, seg.id, PROFILES, s],
      );
    }
    seeded = true;
  }

  if ((await countOf(handle, "select count(*)::int as n from events where project_id = $1", [project.id])) < EVENTS) {
    log(`seeding ${EVENTS.toLocaleString()} events…`);
    const batch = 200_000;
    for (let from = 1; from <= EVENTS; from += batch) {
      await handle.query(
        `insert into events (project_id, profile_id, event_id, name, properties, occurred_at)
         select $1, 'prf_bench_' || (1 + (i::bigint * 7919) % $4::int), 'bench-ev-' || i, ($5::text[])[1 + (i * 31) % 5],
                jsonb_build_object('amount', (i * 13) % 200), now() - make_interval(secs => ((i::bigint * 104729) % (60 * 86400))::int)
           from generate_series($2::int, $3::int) as i
         on conflict do nothing`,
        [project.id, from, Math.min(from + batch - 1, EVENTS), PROFILES, EVENT_NAMES],
      );
    }
    await handle.query("analyze events");
    await handle.query("analyze profiles");
    seeded = true;
  }

  if (!seeded) await resetDecisions(handle, project.id, log);
  const { key } = await createSource(ctx, { name: `bench ${new Date().toISOString()}`, scopes: ["decide", "track", "manage"] });
  return { key, selectors, groups, seeded };
}

/** The tables choose-api writes to; the load of earlier runs is removed from them. */
const DECISION_TABLES = ["exposures", "experience_exposures", "visit_exposures", "assignments"];

/**
 * Every run starts from the seed: the exposures, first exposures, visit claims and sticky arms an
 * earlier run's load wrote are deleted, and the profiles' visits reset. Left in place, each run adds
 * about half a million exposure rows, and later runs would measure an ever larger database (seen:
 * 5 002 → 4 957 → 3 918 req/s over three runs, with 128 MB of shared_buffers).
 */
async function resetDecisions(handle: DbHandle, projectId: string, log: (line: string) => void): Promise<void> {
  let removed = 0;
  for (const table of DECISION_TABLES) {
    removed += await countOf(handle, `with d as (delete from ${table} where project_id = $1 returning 1) select count(*)::int as n from d`, [projectId]);
  }
  const touched = await countOf(
    handle,
    `with u as (update profiles set visit_id = null, last_activity_at = now() - interval '1 day'
                 where project_id = $1 and (visit_id is not null or last_activity_at > now() - interval '1 day') returning 1)
     select count(*)::int as n from u`,
    [projectId],
  );
  if (removed === 0 && touched === 0) return;
  log(`reset to the seed: ${removed.toLocaleString()} rows earlier runs' load wrote removed, ${touched.toLocaleString()} profiles' visits reset; vacuuming…`);
  await handle.query(`vacuum (analyze) ${[...DECISION_TABLES, "profiles"].join(", ")}`);
}

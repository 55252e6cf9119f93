// npm run demo — an organization `demo` with a project `shop`, two running personalizations with
// metrics, and 14 days of generated history (10 000 visitors, exposures, events) in which one
// experience truly lifts conversion and another does not, so the Results tab has something true to
// show. Reproducible: a fixed seed decides every visitor, arm and event. No user accounts are made.
import { pathToFileURL } from "node:url";
import { and, eq, like } from "drizzle-orm";
import { openDatabase, type DbHandle } from "../db/client";
import { lockHolder } from "../db/data-dir-lock";
import { runMigrations } from "../db/migrate";
import { memberships, organizations, personalizations } from "../db/schema";
import type { Actor } from "../lib/auth/permissions";
import { env } from "../lib/env";
import type { ServiceContext } from "../lib/services/context";
import { createOrganization } from "../lib/services/organizations/create-organization";
import { createPersonalization } from "../lib/services/personalizations/create-personalization";
import { startPersonalization } from "../lib/services/personalizations/start-personalization";
import { createProject } from "../lib/services/projects/create-project";
import { findProject } from "../lib/services/projects/find-project";

const ACTOR: Actor = { type: "system", label: "demo" };
export const DEMO_ORG = "demo";
export const DEMO_PROJECT = "shop";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Arm = "control" | "treatment";
type Segment = "returning_subscriber" | "lapsed" | "new";

interface DemoExperience {
  name: string;
  /** Who the experience's audience selects (the generator gives each visitor one segment). */
  segment: Segment | null;
  audience: Record<string, unknown>;
  payload: unknown;
  /** The true probability that an exposed user converts on the primary metric, per arm. */
  rates: Record<Arm, number>;
  truth: string;
}

interface DemoPersonalization {
  name: string;
  controlPercent: number;
  /** Share of visitors who see it. */
  reach: number;
  primaryEvent: "purchase" | "add_to_cart";
  metrics: Record<string, unknown>[];
  experiences: DemoExperience[];
}

/** The demo's personalizations and the truths planted in their history. */
export const DEMO_SPEC: readonly DemoPersonalization[] = [
  {
    name: "Welcome back",
    controlPercent: 20,
    reach: 1,
    primaryEvent: "purchase",
    metrics: [
      { event: "purchase", measure: "triggered", primary: true },
      { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
    ],
    experiences: [
      {
        name: "Returning subscribers",
        segment: "returning_subscriber",
        audience: { "user.segment": "returning_subscriber" },
        payload: { title: 'Welcome back, {{ attribute.user.first_name | default: "there" }}!', cta: "See what's new since your last visit" },
        rates: { control: 0.1, treatment: 0.14 },
        truth: "true uplift: purchase rate 10% → 14%",
      },
      {
        name: "Lapsed customers",
        segment: "lapsed",
        audience: { "user.segment": "lapsed" },
        payload: { title: "We missed you, {{ attribute.user.first_name | default: \"friend\" }}", cta: "Your cart is still here" },
        rates: { control: 0.08, treatment: 0.08 },
        truth: "no true effect: purchase rate 8% in both arms",
      },
      {
        name: "New visitors",
        segment: null,
        audience: { $everyone: true },
        payload: { title: "Welcome to the shop", cta: "10% off your first order" },
        rates: { control: 0.05, treatment: 0.055 },
        truth: "small true uplift: purchase rate 5% → 5.5% (too small to show at this size)",
      },
    ],
  },
  {
    name: "Free shipping banner",
    controlPercent: 10,
    reach: 0.7,
    primaryEvent: "add_to_cart",
    metrics: [
      { event: "add_to_cart", measure: "triggered", primary: true },
      { event: "purchase", measure: "value", property: "amount", aggregation: "avg" },
    ],
    experiences: [
      {
        name: "Free shipping over €50",
        segment: null,
        audience: { $everyone: true },
        payload: { banner: "Free shipping on orders over €50", style: "info" },
        rates: { control: 0.18, treatment: 0.2 },
        truth: "true uplift: add-to-cart rate 18% → 20% (small next to a 10% control: it may not show yet)",
      },
    ],
  },
];

export interface DemoOptions {
  profiles?: number;
  days?: number;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
  /** Seed into this project instead of demo/shop (tests); no memberships are touched then. */
  ctx?: ServiceContext;
}

export interface DemoCreated {
  id: string;
  name: string;
  selector: string;
  controlPercent: number;
  experiences: { id: string; name: string; truth: string }[];
}

/** Per experience and arm, what the generator wrote: users exposed and users converted on the primary metric. */
export type GeneratedCounts = Map<string, Record<Arm, { users: number; converted: number; revenue: number[] }>>;

export interface DemoResult {
  org: string;
  project: string;
  personalizations: DemoCreated[];
  profiles: number;
  exposures: number;
  events: number;
  counts: GeneratedCounts;
  now: Date;
  ms: number;
  /** Accounts made owners of the demo organization (every owner of an organization on the instance). */
  ownersAdded: number;
}

/** Mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const FIRST_NAMES = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Dennis", "Frances", "Ken", "Radia", "Tim", "Hedy"];
const COUNTRIES = ["FR", "DE", "NL", "ES", "IT", "GB", "US"];
const PAGES = ["/", "/shop", "/shop/shoes", "/shop/bags", "/cart", "/account", "/blog/summer"];

/** A string id of the house format (`prefix_` + 20 base58 characters) from a PRNG. */
function idFrom(prefix: string, random: () => number): string {
  let out = `${prefix}_`;
  for (let i = 0; i < 20; i++) out += BASE58[Math.floor(random() * 58)];
  return out;
}

/** An exponential delay with the given mean, at least `min`. */
const delay = (random: () => number, mean: number, min: number) => Math.max(min, -Math.log(1 - random()) * mean);
const amount = (random: () => number) => Math.round((15 + 140 * random() ** 2) * 100) / 100;

interface Rows {
  profiles: { id: string; userId: string; device: string; attributes: Record<string, unknown>; at: number }[];
  assignments: { personalizationId: string; profileId: string; arm: Arm; at: number }[];
  firstExposures: { personalizationId: string; experienceId: string; profileId: string; arm: Arm; at: number }[];
  exposures: { personalizationId: string; experienceId: string; profileId: string; arm: Arm; visitId: string; at: number }[];
  events: { profileId: string; name: string; properties: Record<string, unknown>; sessionId: string; at: number }[];
}

/**
 * The history, generated in memory. Every draw comes from one PRNG stream in a fixed order, so the
 * same seed gives the same visitors, arms and events; profile ids come from a second stream keyed
 * by `idSeed`, so a second demo set in the same project gets new visitors with the same story.
 */
export function generateHistory(
  created: readonly DemoCreated[],
  options: { profiles: number; days: number; seed: number; idSeed: number; now: number; tag: string },
): { rows: Rows; counts: GeneratedCounts } {
  const random = prng(options.seed);
  const ids = prng(options.idSeed);
  const rows: Rows = { profiles: [], assignments: [], firstExposures: [], exposures: [], events: [] };
  const counts: GeneratedCounts = new Map();
  const count = (experienceId: string, arm: Arm) => {
    let entry = counts.get(experienceId);
    if (!entry) {
      entry = { control: { users: 0, converted: 0, revenue: [] }, treatment: { users: 0, converted: 0, revenue: [] } };
      counts.set(experienceId, entry);
    }
    return entry[arm];
  };
  const { now } = options;
  const start = now - options.days * DAY;

  for (let i = 0; i < options.profiles; i++) {
    const profileId = idFrom("prf", ids);
    const device = `dev-${idFrom("d", ids).slice(2)}`;
    const r = random();
    const segment: Segment = r < 0.5 ? "returning_subscriber" : r < 0.8 ? "lapsed" : "new";
    const firstName = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)];
    const visit = start + random() * (options.days * DAY - HOUR);
    const session = `s-${options.tag}${i}`;
    rows.profiles.push({
      id: profileId,
      userId: `shopper-${options.tag}${i + 1}`,
      device,
      attributes: { segment, first_name: firstName, country, plan: segment === "new" ? "free" : "member" },
      at: visit,
    });
    // Browsing around the first visit, and for members a purchase long before it (not attributed).
    const views = 1 + Math.floor(random() * 2);
    for (let v = 0; v < views; v++) {
      const at = Math.min(now - MINUTE, visit - HOUR + random() * 3 * DAY);
      rows.events.push({ profileId, name: "page_view", properties: { path: PAGES[Math.floor(random() * PAGES.length)] }, sessionId: session, at });
    }
    if (segment !== "new" && random() < 0.4) {
      rows.events.push({ profileId, name: "purchase", properties: { amount: amount(random), currency: "EUR" }, sessionId: `${session}-old`, at: visit - (5 + random() * 35) * DAY });
    }

    for (const [index, p] of created.entries()) {
      const spec = DEMO_SPEC[index];
      if (random() >= spec.reach) continue;
      const arm: Arm = random() < p.controlPercent / 100 ? "control" : "treatment";
      // The first experience whose audience matches, as choose-api would pick it.
      const e = spec.experiences.findIndex((x) => x.segment === null || x.segment === segment);
      const experience = p.experiences[e];
      const rates = spec.experiences[e].rates;
      const firstAt = visit + index * random() * 30 * MINUTE;
      rows.assignments.push({ personalizationId: p.id, profileId, arm, at: firstAt });
      rows.firstExposures.push({ personalizationId: p.id, experienceId: experience.id, profileId, arm, at: firstAt });
      const repeats = Math.floor(random() * 2);
      for (let k = 0; k <= repeats; k++) {
        const at = k === 0 ? firstAt : Math.min(now - MINUTE, firstAt + random() * (now - firstAt));
        rows.exposures.push({ personalizationId: p.id, experienceId: experience.id, profileId, arm, visitId: `${session}-${k}`, at });
      }
      const tally = count(experience.id, arm);
      tally.users += 1;
      if (random() < rates[arm]) {
        const at = firstAt + delay(random, 1.5 * DAY, 5 * MINUTE);
        if (at < now) {
          tally.converted += 1;
          if (spec.primaryEvent === "purchase") {
            const value = amount(random);
            tally.revenue.push(value);
            rows.events.push({ profileId, name: "purchase", properties: { amount: value, currency: "EUR" }, sessionId: session, at });
          } else {
            rows.events.push({ profileId, name: "add_to_cart", properties: { sku: `SKU-${Math.floor(random() * 500)}` }, sessionId: session, at });
          }
        }
      }
    }
  }
  return { rows, counts };
}

/**
 * Multi-row inserts, one statement per batch of rows sent as one JSON document and read with
 * `jsonb_to_recordset` (on PGlite a little faster than one array parameter per column, and much
 * faster than a statement per row).
 */
async function insertRecords(handle: DbHandle, statement: string, records: readonly object[], batch = 5000): Promise<void> {
  for (let i = 0; i < records.length; i += batch) {
    await handle.query(statement, [JSON.stringify(records.slice(i, i + batch))]);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

async function writeRows(handle: DbHandle, projectId: string, rows: Rows, tag: string): Promise<void> {
  const project = { project_id: projectId };
  await insertRecords(
    handle,
    `insert into profiles (id, project_id, user_id, attributes, last_activity_at, created_at, updated_at)
     select id, project_id, user_id, attributes, at, at, at
       from jsonb_to_recordset($1::jsonb) as r(id text, project_id text, user_id text, attributes jsonb, at timestamptz)
     on conflict do nothing`,
    rows.profiles.map((r) => ({ ...project, id: r.id, user_id: r.userId, attributes: r.attributes, at: iso(r.at) })),
  );
  await insertRecords(
    handle,
    `insert into profile_ids (project_id, value, profile_id, created_at)
     select project_id, value, profile_id, at from jsonb_to_recordset($1::jsonb) as r(project_id text, value text, profile_id text, at timestamptz)
     on conflict do nothing`,
    rows.profiles.map((r) => ({ ...project, value: r.device, profile_id: r.id, at: iso(r.at) })),
  );
  await insertRecords(
    handle,
    `insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
     select project_id, pid, profile_id, arm::arm, at
       from jsonb_to_recordset($1::jsonb) as r(project_id text, pid text, profile_id text, arm text, at timestamptz)`,
    rows.assignments.map((r) => ({ ...project, pid: r.personalizationId, profile_id: r.profileId, arm: r.arm, at: iso(r.at) })),
  );
  await insertRecords(
    handle,
    `insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
     select project_id, pid, eid, profile_id, arm::arm, at
       from jsonb_to_recordset($1::jsonb) as r(project_id text, pid text, eid text, profile_id text, arm text, at timestamptz)`,
    rows.firstExposures.map((r) => ({ ...project, pid: r.personalizationId, eid: r.experienceId, profile_id: r.profileId, arm: r.arm, at: iso(r.at) })),
  );
  await insertRecords(
    handle,
    `insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at)
     select project_id, pid, eid, profile_id, arm::arm, visit_id, at
       from jsonb_to_recordset($1::jsonb) as r(project_id text, pid text, eid text, profile_id text, arm text, visit_id text, at timestamptz)`,
    rows.exposures.map((r) => ({ ...project, pid: r.personalizationId, eid: r.experienceId, profile_id: r.profileId, arm: r.arm, visit_id: r.visitId, at: iso(r.at) })),
  );
  const e = rows.events;
  await insertRecords(
    handle,
    `insert into events (project_id, profile_id, event_id, name, properties, session_id, occurred_at, received_at)
     select project_id, profile_id, event_id, name, properties, session_id, at, at
       from jsonb_to_recordset($1::jsonb) as r(project_id text, profile_id text, event_id text, name text, properties jsonb, session_id text, at timestamptz)`,
    e.map((r, i) => ({ ...project, profile_id: r.profileId, event_id: `demo-${tag}-${i}`, name: r.name, properties: r.properties, session_id: r.sessionId, at: iso(r.at) })),
  );
  // The catalogs the audience builder and the metric editor complete from.
  // First and last seen are the history's, as if the events had arrived when they happened.
  await handle.query(
    `insert into catalog_events as c (project_id, name, count, first_seen_at, last_seen_at)
     select '${projectId}', name, count(*), min(at), max(at) from unnest($1::text[], $2::timestamptz[]) as r(name, at) group by name
     on conflict (project_id, name) do update set count = c.count + excluded.count,
       first_seen_at = least(c.first_seen_at, excluded.first_seen_at), last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at)`,
    [e.map((event) => event.name), e.map((event) => iso(event.at))],
  );
  const attributes: [string, string][] = [
    ["user.segment", "string"],
    ["user.first_name", "string"],
    ["user.country", "string"],
    ["user.plan", "string"],
    ["properties.amount", "number"],
    ["properties.currency", "string"],
    ["properties.path", "string"],
    ["properties.sku", "string"],
  ];
  await handle.query(
    `insert into catalog_attributes (project_id, path, type, last_seen_at)
     select '${projectId}', path, type, now() from unnest($1::text[], $2::text[]) as r(path, type)
     on conflict (project_id, path) do update set last_seen_at = excluded.last_seen_at`,
    [attributes.map((x) => x[0]), attributes.map((x) => x[1])],
  );
}

async function demoProject(handle: DbHandle): Promise<ServiceContext> {
  const [org] = await handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_ORG));
  if (!org) await createOrganization({ db: handle.db, actor: ACTOR }, { name: DEMO_ORG });
  let project;
  try {
    project = await findProject(handle.db, DEMO_ORG, DEMO_PROJECT);
  } catch {
    project = await createProject({ db: handle.db, actor: ACTOR }, { orgName: DEMO_ORG, name: DEMO_PROJECT });
  }
  return { db: handle.db, handle, actor: ACTOR, project, requestId: "demo" };
}

/** A number that is 1 for the project's first demo set, 2 for the second, …: names and visitors differ, the story does not. */
async function nextSetNumber(ctx: ServiceContext): Promise<number> {
  const rows = await ctx.db
    .select({ name: personalizations.name })
    .from(personalizations)
    .where(and(eq(personalizations.projectId, ctx.project.id), like(personalizations.name, `${DEMO_SPEC[0].name}%`)));
  return rows.length + 1;
}

/** Seeds the demo into an open, migrated database. */
export async function seedDemo(handle: DbHandle, options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const profiles = options.profiles ?? 10_000;
  const days = options.days ?? 14;
  const seed = options.seed ?? 20_260_101;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const ctx = options.ctx ?? (await demoProject(handle));
  const set = await nextSetNumber(ctx);
  const suffix = set === 1 ? "" : ` (demo ${set})`;
  const tag = set === 1 ? "" : `${set}-`;

  const created: DemoCreated[] = [];
  for (const spec of DEMO_SPEC) {
    const draft = await createPersonalization(ctx, {
      name: `${spec.name}${suffix}`,
      type: "server_side",
      controlPercent: spec.controlPercent,
      groups: ["homepage"],
      metrics: spec.metrics,
      experiences: spec.experiences.map((e) => ({
        name: e.name,
        payload: e.payload,
        audience: e.audience,
        display: { frequency: "always", devices: "all" },
      })),
    });
    const running = await startPersonalization(ctx, draft.id, { version: draft.version });
    created.push({
      id: running.id,
      name: running.name,
      selector: running.selector,
      controlPercent: running.controlPercent,
      experiences: running.experiences.map((e, i) => ({ id: e.id, name: e.name, truth: spec.experiences[i]?.truth ?? "" })),
    });
  }
  // Started when the history begins, as if it had been running for `days`.
  const startedAt = new Date(now.getTime() - days * DAY);
  for (const p of created) {
    await ctx.db.update(personalizations).set({ startedAt, createdAt: startedAt }).where(eq(personalizations.id, p.id));
  }
  log(`  created ${created.map((p) => `"${p.name}"`).join(" and ")}; generating ${profiles.toLocaleString("en-US")} visitors over ${days} days…`);

  const { rows, counts } = generateHistory(created, { profiles, days, seed, idSeed: seed + set * 7919, now: now.getTime(), tag });
  await writeRows(handle, ctx.project.id, rows, `${ctx.project.id.slice(-6)}-${set}`);
  // Fresh statistics, so the first results read plans for the rows just written, not for empty tables.
  for (const table of ["experience_exposures", "events"]) await handle.query(`analyze ${table}`);

  // Whoever already has an account and owns an organization can open the demo in the console.
  const owners = options.ctx
    ? []
    : await handle.db.selectDistinct({ userId: memberships.userId }).from(memberships).where(eq(memberships.role, "owner"));
  if (owners.length > 0) {
    await handle.db
      .insert(memberships)
      .values(owners.map((o) => ({ orgId: ctx.project.orgId, userId: o.userId, role: "owner" as const })))
      .onConflictDoNothing();
  }
  return {
    org: ctx.project.orgName,
    project: ctx.project.name,
    personalizations: created,
    profiles,
    exposures: rows.exposures.length,
    events: rows.events.length,
    counts,
    now,
    ms: performance.now() - started,
    ownersAdded: owners.length,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const e = env();
  if (!e.DATABASE_URL) {
    const holder = lockHolder(e.BESPOKE_DATA_DIR);
    if (holder !== undefined) {
      throw new Error(
        `The embedded database in ${e.BESPOKE_DATA_DIR} is open in another process (pid ${holder}), probably the dev server. Stop it, run npm run demo, then start it again.`,
      );
    }
  }
  const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.BESPOKE_DATA_DIR, poolMax: 4, lock: true });
  try {
    await runMigrations(handle);
    console.log(`Seeding the demo into ${handle.location} (database open and migrated at ${elapsed()}) …`);
    const result = await seedDemo(handle, { log: (line) => console.log(line) });
    const base = `http://localhost:${e.PORT}`;
    const { getPersonalizationResults } = await import("../lib/services/analytics/get-results");
    const ctx: ServiceContext = {
      db: handle.db,
      handle,
      actor: ACTOR,
      project: await findProject(handle.db, DEMO_ORG, DEMO_PROJECT),
      requestId: "demo",
    };
    console.log(
      `\nMade in ${DEMO_ORG}/${DEMO_PROJECT}: ${result.profiles.toLocaleString("en-US")} visitors, ${result.exposures.toLocaleString("en-US")} exposures, ${result.events.toLocaleString("en-US")} events over 14 days — in ${(result.ms / 1000).toFixed(1)} s.`,
    );
    for (const p of result.personalizations) {
      const results = await getPersonalizationResults(ctx, p.id, { engine: "frequentist" });
      console.log(`\n${p.name} (selector ${p.selector}, running, ${p.controlPercent}% control)`);
      for (const x of results.experiences) {
        const primary = x.metrics[0];
        const truth = p.experiences.find((y) => y.id === x.experienceId)?.truth ?? "";
        const rate = (v: number) => `${(v * 100).toFixed(1)}%`;
        console.log(
          `  ${x.name}: ${x.users.treatment} treatment / ${x.users.control} control users; primary ${rate(primary.control.mean)} → ${rate(primary.treatment.mean)}, uplift ${(primary.test.expected * 100).toFixed(1)}%, p = ${primary.test.pValue?.toPrecision(2)} — ${primary.verdict.label}  [planted: ${truth}]`,
        );
      }
      console.log(`  Results: ${base}/${DEMO_ORG}/${DEMO_PROJECT}/personalizations/${p.id}?tab=results`);
    }
    console.log(`\nDone in ${elapsed()} (seeding ${(result.ms / 1000).toFixed(1)} s).`);
    console.log(
      result.ownersAdded > 0
        ? `\nThe demo has no accounts of its own: the ${result.ownersAdded} owner(s) of this instance's organizations were made owners of "${DEMO_ORG}" and can open it in the console.`
        : `\nNobody has signed up on this instance yet, so nobody could be added to "${DEMO_ORG}" and the links above will answer 404. Start the server, sign up at ${base}, stop it and run npm run demo again: every owner is added to "${DEMO_ORG}".`,
    );
    console.log(
      `Or read the results with an API key:\n  npm run cli -- create-key ${DEMO_ORG} ${DEMO_PROJECT} --scopes manage\n  curl -H "Authorization: Bearer <key>" ${base}/api/v1/${DEMO_ORG}/projects/${DEMO_PROJECT}/personalizations/${result.personalizations[0]?.id}/results`,
    );
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? `Error: ${error.message}` : error);
      process.exit(1);
    },
  );
}

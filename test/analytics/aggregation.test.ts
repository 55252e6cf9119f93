// The SQL reduction against the same figures computed in plain JavaScript, one user at a time,
// on a small data set that has every awkward case: users in several experiences, equal exposure
// times, events before the first exposure and after `to`, string, missing and absurd values.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { getPersonalizationResults } from "@/lib/services/analytics/get-results";
import { profileSlices } from "@/lib/services/analytics/split";
import type { Results } from "@/lib/schemas/results";
import {
  insertEvents,
  insertExposures,
  refStats,
  seedPersonalization,
  type Arm,
  type EventInput,
  type ExposureInput,
  type MetricInput,
} from "./seed";

/** Mulberry32, so the data set is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const METRICS: MetricInput[] = [
  { event: "signup", measure: "triggered" },
  { event: "purchase", measure: "triggered", primary: true },
  { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
  { event: "purchase", measure: "value", property: "amount", aggregation: "avg" },
  { event: "purchase", measure: "value", property: "amount", aggregation: "max" },
  { event: "purchase", measure: "value", property: "amount", aggregation: "min" },
  { event: "purchase", measure: "value", property: "amount", aggregation: "first" },
  { event: "purchase", measure: "value", property: "amount", aggregation: "last" },
  { event: "purchase", measure: "value", property: "items", aggregation: "sum" },
];

function generate(experienceIds: string[], profilePrefix: string) {
  const random = prng(20260101);
  const exposures: ExposureInput[] = [];
  const events: EventInput[] = [];
  for (let u = 0; u < 240; u++) {
    const profileId = `${profilePrefix}-${u}`;
    const arm: Arm = random() < 0.4 ? "control" : "treatment";
    const first = START + Math.floor(random() * 20) * DAY + Math.floor(random() * DAY);
    const count = random() < 0.25 ? 2 : 1;
    const start = Math.floor(random() * experienceIds.length);
    for (let k = 0; k < count; k++) {
      // Every 10th multi-experience user is exposed to both at the same instant (the tie rule).
      const at = k === 0 || u % 10 === 0 ? first : first + Math.floor(random() * 5 * DAY);
      exposures.push({ experienceId: experienceIds[(start + k) % experienceIds.length], profileId, arm, at: new Date(at) });
    }
    const n = Math.floor(random() * 5);
    for (let i = 0; i < n; i++) {
      const at = new Date(first + Math.floor((random() * 12 - 3) * DAY)); // some before the exposure
      const r = random();
      const amount = r < 0.6 ? Math.round(random() * 10000) / 100 : r < 0.7 ? "12.5" : r < 0.8 ? "n/a" : r < 0.85 ? 1e20 : undefined;
      events.push({ profileId, name: random() < 0.7 ? "purchase" : "signup", properties: { amount, items: Math.floor(random() * 4) }, at });
    }
    // Equal event times for `first`/`last` ties.
    if (u % 17 === 0) {
      const at = new Date(first + DAY);
      events.push({ profileId, name: "purchase", properties: { amount: 5 }, at }, { profileId, name: "purchase", properties: { amount: 7 }, at });
    }
  }
  // Someone else's events with the same name do not count.
  events.push({ profileId: "nobody", name: "purchase", properties: { amount: 1000 }, at: new Date(START + DAY) });
  return { exposures, events };
}

function expectClose(actual: number, expected: number, label: string) {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tolerance) expect.fail(`${label}: ${actual} ≠ ${expected}`);
}

function compare(results: Results, seeded: { experienceIds: string[]; metricIds: string[] }, data: ReturnType<typeof generate>, range: { from?: Date; to: Date }) {
  const orderedInputs = METRICS.map((m, i) => ({ m, id: seeded.metricIds[i] }));
  let checked = 0;
  for (const { m, id } of orderedInputs) {
    const reference = refStats(m, data.exposures, data.events, range);
    const rows = [...results.experiences.map((e) => ({ key: e.experienceId ?? "", e })), { key: "total", e: results.total }];
    for (const { key, e } of rows) {
      const metric = e.metrics.find((x) => x.metricId === id);
      if (!metric) throw new Error(`metric ${id} missing`);
      for (const arm of ["control", "treatment"] as const) {
        const ref = reference.get(key)?.[arm] ?? { users: 0, n: 0, sum: 0, sumSquares: 0 };
        const label = `${m.event}/${m.measure}/${m.aggregation ?? ""}/${m.property ?? ""} ${key} ${arm}`;
        expect(metric[arm].users, `${label} users`).toBe(ref.users);
        expect(e.users[arm], `${label} exposed users`).toBe(ref.users);
        expect(metric[arm].n, `${label} n`).toBe(ref.n);
        expect(metric[arm].missing, `${label} missing`).toBe(ref.users - ref.n);
        expectClose(metric[arm].sum, ref.sum, `${label} sum`);
        if (m.measure === "value") expectClose(metric[arm].sumSquares ?? NaN, ref.sumSquares, `${label} sumSquares`);
        else expect(metric[arm].sumSquares).toBeNull();
        checked++;
      }
    }
  }
  return checked;
}

/** A project and a personalization with `experiences`, the generated data set stored. */
async function seededProject(experiences: string[], profilePrefix: string) {
  const p = await createTestProject();
  const seeded = await seedPersonalization(p, { experiences, metrics: METRICS });
  const data = generate(seeded.experienceIds, `${profilePrefix}-${p.project}`);
  await insertExposures(p, seeded.id, data.exposures);
  await insertEvents(p, data.events);
  return { p, seeded, data };
}

describe("results: SQL aggregation against a JavaScript reference", () => {
  it("matches per experience, per arm and in the total, for every measure and aggregation", async () => {
    const { p, seeded, data } = await seededProject(["A", "B", "C"], "u");
    const to = new Date(START + 40 * DAY);

    const results = await getPersonalizationResults(p.ctx, seeded.id, { engine: "frequentist" }, { now: to });
    expect(results.metrics[0].id).toBe(seeded.metricIds[1]); // the primary metric first
    expect(results.experiences.map((e) => e.experienceId)).toEqual(seeded.experienceIds);
    const checked = compare(results, seeded, data, { to });
    expect(checked).toBe(METRICS.length * 4 * 2);
    // Some of every case is present, so the comparison means something.
    const sum = results.total.metrics.find((m) => m.metricId === seeded.metricIds[2]);
    const avg = results.total.metrics.find((m) => m.metricId === seeded.metricIds[3]);
    expect(sum?.treatment.missing).toBe(0);
    expect(avg?.treatment.missing).toBeGreaterThan(0);
    expect(results.total.users.control + results.total.users.treatment).toBe(240);
  });

  it("matches inside a date range (first exposures in [from, to), events before to)", async () => {
    const { p, seeded, data } = await seededProject(["A", "B"], "r");
    const results = await getPersonalizationResults(
      p.ctx,
      seeded.id,
      { engine: "bayesian", from: "2026-01-05T00:00:00Z", to: "2026-01-15T12:00:00Z" },
      { now: new Date(START + 60 * DAY) },
    );
    expect(results.range).toEqual({ from: "2026-01-05T00:00:00.000Z", to: "2026-01-15T12:00:00.000Z", timezone: "UTC" });
    compare(results, seeded, data, { from: new Date("2026-01-05T00:00:00Z"), to: new Date("2026-01-15T12:00:00Z") });
  });

  it("gives the same figures when a call is split by profile into slices that run side by side", async () => {
    const { p, seeded, data } = await seededProject(["A", "B", "C"], "s");
    const to = new Date(START + 40 * DAY);
    const slices = await profileSlices(p.ctx.db, p.ctx.project.id, seeded.id, { samplePercent: 100, fromUnits: 0 });
    expect(slices.length).toBeGreaterThan(1);

    const whole = await getPersonalizationResults(p.ctx, seeded.id, { engine: "frequentist" }, { now: to, split: { fromUnits: Number.MAX_SAFE_INTEGER } });
    const split = await getPersonalizationResults(p.ctx, seeded.id, { engine: "frequentist" }, { now: to, split: { samplePercent: 100, fromUnits: 0 } });
    // Sums of floating-point values may differ in the last bits with the order of addition: the
    // statistics are compared with the reference at a tolerance, the counts exactly.
    compare(split, seeded, data, { to });
    compare(whole, seeded, data, { to });
    expect(split.daily).toEqual(whole.daily);
    expect(split.total.users).toEqual(whole.total.users);
  });
});

// GET …/personalizations/{id}/results and …/results.csv: happy paths, 400s naming the parameter,
// 404, security; the CSV's shape; the SRM check.
import { describe, expect, it } from "vitest";
import { resultsSchema } from "@/lib/schemas/results";
import { CSV_COLUMNS } from "@/lib/services/analytics/results-csv";
import { createTestProject, type TestProject } from "../support/fixtures";
import { getResults, getResultsCsv, insertEvents, insertExposures, seedPersonalization, type ExposureInput, type Res } from "./seed";

const METRICS = [
  { event: "purchase", measure: "triggered" as const, primary: true },
  { event: "purchase", measure: "value" as const, property: "amount", aggregation: "sum" as const },
];

/** 400 control and 400 treatment users per experience; treatment converts more in A only. */
async function seeded(p: TestProject, options: { controlPercent?: number; names?: string[] } = {}) {
  const s = await seedPersonalization(p, { experiences: options.names ?? ["A", "B"], metrics: METRICS, controlPercent: options.controlPercent ?? 50 });
  const exposures: ExposureInput[] = [];
  const events: Parameters<typeof insertEvents>[1][number][] = [];
  s.experienceIds.forEach((experienceId, e) => {
    for (let i = 0; i < 800; i++) {
      const arm = i % 2 === 0 ? "control" : "treatment";
      const profileId = `${experienceId}-u${i}`;
      const day = 1 + (i % 10);
      exposures.push({ experienceId, profileId, arm, at: new Date(Date.UTC(2026, 0, day, 12)) });
      const rate = e === 0 && arm === "treatment" ? 0.3 : 0.15;
      if ((i * 7919) % 1000 < rate * 1000) {
        events.push({ profileId, name: "purchase", properties: { amount: 10 + (i % 50) }, at: new Date(Date.UTC(2026, 0, day + 1, 12)) });
      }
    }
  });
  await insertExposures(p, s.id, exposures);
  await insertEvents(p, events);
  return s;
}

function expectError(res: Res, status: number, code: string, path?: string) {
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code });
  expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
  if (path) expect((res.json.error.details as { path: string }[]).map((d) => d.path)).toContain(path);
}

/** RFC 4180 lines → cells (enough for our own output: quoted cells may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("GET …/personalizations/{id}/results", () => {
  it("answers the results document: experiences in priority order, the total, tests, verdicts, series", async () => {
    const p = await createTestProject();
    const s = await seeded(p);
    const res = await getResults(p, s.id, "to=2026-01-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = resultsSchema.parse(res.json);
    expect(body.engine).toBe("frequentist");
    expect(body.metrics.map((m) => m.id)).toEqual(s.metricIds);
    expect(body.experiences.map((e) => e.name)).toEqual(["A", "B"]);
    const [a, b] = body.experiences;
    expect(a.users).toEqual({ control: 400, treatment: 400 });
    expect(body.total.users).toEqual({ control: 800, treatment: 800 });
    expect(a.metrics[0].control.mean).toBeCloseTo(0.15, 2);
    expect(a.metrics[0].treatment.mean).toBeCloseTo(0.3, 2);
    expect(a.metrics[0].test.pValue).toBeLessThan(0.001);
    expect(a.metrics[0].test.chanceToWin).toBeNull();
    expect(a.metrics[0].verdict).toEqual({ code: "better", label: "Likely better", significant: true });
    expect(b.metrics[0].verdict.code).toBe("inconclusive");
    expect(b.metrics[0].verdict.significant).toBe(false);
    expect(a.srm?.warning).toBe(false);
    expect(body.daily[0].experienceId).toBeNull();
    expect(body.daily[0].points).toHaveLength(11); // exposures on days 1–10, conversions up to day 11
  });

  it("gives the chance to win and risk with engine=bayesian", async () => {
    const p = await createTestProject();
    const s = await seeded(p);
    const res = await getResults(p, s.id, "engine=bayesian");
    expect(res.status).toBe(200);
    const a = res.json.experiences[0].metrics[0];
    expect(a.test.pValue).toBeNull();
    expect(a.test.chanceToWin).toBeGreaterThan(0.99);
    expect(a.test.risk.treatment).toBeGreaterThanOrEqual(0);
    expect(a.verdict.code).toBe("better");
  });

  it("says 'Not enough data' under the minimum sample", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { experiences: ["A"], metrics: METRICS });
    await insertExposures(p, s.id, [
      { experienceId: s.experienceIds[0], profileId: "x1", arm: "control", at: new Date("2026-01-02T00:00:00Z") },
      { experienceId: s.experienceIds[0], profileId: "x2", arm: "treatment", at: new Date("2026-01-02T00:00:00Z") },
    ]);
    const res = await getResults(p, s.id);
    expect(res.json.experiences[0].metrics[0].verdict).toEqual({ code: "not_enough_data", label: "Not enough data", significant: false });
  });

  it.each([
    ["from=yesterday", "from"],
    ["from=2026-02-30", "from"],
    ["to=2026-13-01", "to"],
    ["to=2026-01-05T10:00:00", "to"], // a date-time needs its zone
    ["engine=bootstrap", "engine"],
    ["from=2026-01-10&to=2026-01-09", "to"],
    ["from=2026-01-10T00:00:00Z&to=2026-01-10T00:00:00Z", "to"],
  ])("answers 400 naming the parameter for %s", async (query, name) => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { metrics: METRICS });
    const res = await getResults(p, s.id, query);
    expectError(res, 400, "validation_failed", name);
    expect(res.json.error.message).toContain(name);
    expectError(await getResultsCsv(p, s.id, query), 400, "validation_failed", name);
  });

  it("answers 404 for an unknown personalization, and for one of another project", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const theirs = await seedPersonalization(other, { metrics: METRICS });
    expectError(await getResults(p, "per_doesnotexist"), 404, "not_found");
    expectError(await getResults(p, theirs.id), 404, "not_found");
    expectError(await getResultsCsv(p, "per_doesnotexist"), 404, "not_found");
  });

  it("is protected: no key 401, another project's key 403, a key without manage 403", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const s = await seedPersonalization(p, { metrics: METRICS });
    for (const get of [getResults, getResultsCsv]) {
      expectError(await get(p, s.id, "", null), 401, "unauthorized");
      expectError(await get(p, s.id, "", "nonsense.key"), 401, "unauthorized");
      expectError(await get(p, s.id, "", other.keys.manage), 403, "forbidden");
      expectError(await get(p, s.id, "", p.keys.track), 403, "forbidden");
      expectError(await get(p, s.id, "", p.keys.decide), 403, "forbidden");
      expect((await get(p, s.id, "", p.keys.all)).status).toBe(200);
    }
  });
});

describe("GET …/personalizations/{id}/results.csv", () => {
  it("is a CSV attachment with a header row and one row per experience (the total last), metric and arm", async () => {
    const p = await createTestProject();
    const s = await seeded(p, { names: ["A, the first", "=HYPERLINK(\"x\")"] });
    const res = await getResultsCsv(p, s.id, "engine=bayesian");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="results-${s.id}-${new Date().toISOString().slice(0, 10)}.csv"`);
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(3 * METRICS.length * 2);
    expect(body.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(body.map((r) => r[col("experience")])).toEqual([
      ...Array(4).fill("A, the first"),
      ...Array(4).fill("'=HYPERLINK(\"x\")"), // never a formula in a spreadsheet
      ...Array(4).fill("All experiences"),
    ]);
    expect(body.slice(0, 4).map((r) => [r[col("metric")], r[col("arm")]])).toEqual([
      ["purchase (triggered)", "control"],
      ["purchase (triggered)", "treatment"],
      ["purchase.amount (sum)", "control"],
      ["purchase.amount (sum)", "treatment"],
    ]);
    const treatment = body[1];
    expect(treatment[col("users")]).toBe("400");
    expect(Number(treatment[col("chance_to_win")])).toBeGreaterThan(0.99);
    expect(treatment[col("verdict")]).toBe("Likely better");
    expect(treatment[col("sum_squares")]).toBe(""); // a triggered metric's statistic is { n, sum }
    expect(body[0][col("uplift")]).toBe(""); // test figures on treatment rows only
    expect(Number(body[3][col("sum_squares")])).toBeGreaterThan(0);
    // The JSON and the CSV agree.
    const json = (await getResults(p, s.id, "engine=bayesian")).json;
    expect(Number(treatment[col("mean")])).toBe(json.experiences[0].metrics[0].treatment.mean);
    expect(Number(treatment[col("uplift")])).toBe(json.experiences[0].metrics[0].test.expected);
  });
});

describe("sample-ratio mismatch", () => {
  it("flags a 50/50 split when 5% control was configured (95/5), not when 50% was", async () => {
    const mismatched = await createTestProject();
    const s1 = await seeded(mismatched, { controlPercent: 5 });
    const r1 = (await getResults(mismatched, s1.id)).json;
    expect(r1.experiences[0].srm).toMatchObject({ warning: true, expectedControlShare: 0.05, observedControlShare: 0.5 });
    expect(r1.experiences[0].srm.pValue).toBeLessThan(0.001);
    expect(r1.total.srm.warning).toBe(true);

    const fine = await createTestProject();
    const s2 = await seeded(fine, { controlPercent: 50 });
    const r2 = (await getResults(fine, s2.id)).json;
    expect(r2.experiences[0].srm).toMatchObject({ warning: false, pValue: 1, expectedControlShare: 0.5 });
    expect(r2.total.srm.warning).toBe(false);
  });

  it("has no SRM check without a control", async () => {
    const p = await createTestProject();
    const s = await seeded(p, { controlPercent: 0 });
    const r = (await getResults(p, s.id)).json;
    expect(r.experiences[0].srm).toBeNull();
  });
});

// Which events count for whom (SPEC §7): from the user's first exposure to the experience, up to
// `to`; control users against the experience they would have seen; `sum` counts everyone, the other
// aggregations only users with a value; days and dates in the project's time zone.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { getPersonalizationResults } from "@/lib/services/analytics/get-results";
import type { ExperienceResult, Results } from "@/lib/schemas/results";
import { insertEvents, insertExposures, seedPersonalization } from "./seed";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-02-01T00:00:00Z");

function metric(e: ExperienceResult, metricId: string) {
  const m = e.metrics.find((x) => x.metricId === metricId);
  if (!m) throw new Error(`no metric ${metricId}`);
  return m;
}

const experience = (r: Results, id: string) => {
  const e = r.experiences.find((x) => x.experienceId === id);
  if (!e) throw new Error(`no experience ${id}`);
  return e;
};

describe("results: attribution", () => {
  it("counts events at or after the first exposure and before `to`, never before the exposure", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { experiences: ["A"], metrics: [{ event: "purchase", measure: "triggered", primary: true }] });
    const [a] = s.experienceIds;
    await insertExposures(p, s.id, [
      { experienceId: a, profileId: "before", arm: "treatment", at: at("2026-01-10T12:00:00Z") },
      { experienceId: a, profileId: "same-instant", arm: "treatment", at: at("2026-01-10T12:00:00Z") },
      { experienceId: a, profileId: "after", arm: "treatment", at: at("2026-01-10T12:00:00Z") },
      { experienceId: a, profileId: "after-to", arm: "treatment", at: at("2026-01-10T12:00:00Z") },
      { experienceId: a, profileId: "other-event", arm: "treatment", at: at("2026-01-10T12:00:00Z") },
    ]);
    await insertEvents(p, [
      { profileId: "before", name: "purchase", at: at("2026-01-10T11:59:59.999Z") },
      { profileId: "same-instant", name: "purchase", at: at("2026-01-10T12:00:00Z") },
      { profileId: "after", name: "purchase", at: at("2026-01-12T00:00:00Z") },
      { profileId: "after-to", name: "purchase", at: at("2026-01-20T00:00:00Z") },
      { profileId: "other-event", name: "signup", at: at("2026-01-12T00:00:00Z") },
    ]);
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist", to: "2026-01-15T00:00:00Z" }, { now: NOW });
    const m = metric(experience(r, a), s.metricIds[0]);
    expect(m.treatment).toMatchObject({ users: 5, n: 5, sum: 2 }); // same-instant and after
    // Without `to`, the late purchase counts too.
    const all = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist" }, { now: NOW });
    expect(metric(experience(all, a), s.metricIds[0]).treatment.sum).toBe(3);
  });

  it("attributes control users to the experience they would have seen, each experience to its own control", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { experiences: ["A", "B"], metrics: [{ event: "purchase", measure: "triggered", primary: true }] });
    const [a, b] = s.experienceIds;
    const t0 = at("2026-01-05T00:00:00Z");
    await insertExposures(p, s.id, [
      { experienceId: a, profileId: "a-treated", arm: "treatment", at: t0 },
      { experienceId: a, profileId: "a-control", arm: "control", at: t0 },
      { experienceId: b, profileId: "b-treated", arm: "treatment", at: t0 },
      { experienceId: b, profileId: "b-control-1", arm: "control", at: t0 },
      { experienceId: b, profileId: "b-control-2", arm: "control", at: t0 },
    ]);
    await insertEvents(p, [
      { profileId: "a-control", name: "purchase", at: at("2026-01-06T00:00:00Z") },
      { profileId: "b-control-2", name: "purchase", at: at("2026-01-06T00:00:00Z") },
      { profileId: "b-treated", name: "purchase", at: at("2026-01-06T00:00:00Z") },
    ]);
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist" }, { now: NOW });
    expect(experience(r, a).users).toEqual({ control: 1, treatment: 1 });
    expect(metric(experience(r, a), s.metricIds[0]).control).toMatchObject({ users: 1, sum: 1, mean: 1 });
    expect(metric(experience(r, a), s.metricIds[0]).treatment).toMatchObject({ users: 1, sum: 0 });
    expect(experience(r, b).users).toEqual({ control: 2, treatment: 1 });
    expect(metric(experience(r, b), s.metricIds[0]).control).toMatchObject({ users: 2, sum: 1, mean: 0.5 });
    expect(metric(experience(r, b), s.metricIds[0]).treatment).toMatchObject({ users: 1, sum: 1 });
    expect(r.total.users).toEqual({ control: 3, treatment: 2 });
  });

  it("counts a user in every experience they saw, and once in the total, from their earliest exposure", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { experiences: ["A", "B"], metrics: [{ event: "purchase", measure: "triggered", primary: true }] });
    const [a, b] = s.experienceIds;
    await insertExposures(p, s.id, [
      { experienceId: a, profileId: "both", arm: "treatment", at: at("2026-01-05T00:00:00Z") },
      { experienceId: b, profileId: "both", arm: "treatment", at: at("2026-01-08T00:00:00Z") },
    ]);
    // Between the two exposures: converts for A and in the total, not for B.
    await insertEvents(p, [{ profileId: "both", name: "purchase", at: at("2026-01-06T00:00:00Z") }]);
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist" }, { now: NOW });
    expect(metric(experience(r, a), s.metricIds[0]).treatment).toMatchObject({ users: 1, sum: 1 });
    expect(metric(experience(r, b), s.metricIds[0]).treatment).toMatchObject({ users: 1, sum: 0 });
    expect(metric(r.total, s.metricIds[0]).treatment).toMatchObject({ users: 1, sum: 1 });
    expect(r.total.experienceId).toBeNull();
  });

  it("counts users without a value as 0 for sum and leaves them out (and says how many) for the others", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, {
      experiences: ["A"],
      metrics: [
        { event: "purchase", measure: "value", property: "amount", aggregation: "sum", primary: true },
        { event: "purchase", measure: "value", property: "amount", aggregation: "avg" },
        { event: "purchase", measure: "value", property: "amount", aggregation: "max" },
        { event: "purchase", measure: "value", property: "amount", aggregation: "first" },
      ],
    });
    const [a] = s.experienceIds;
    const t0 = at("2026-01-05T00:00:00Z");
    await insertExposures(p, s.id, ["u1", "u2", "u3", "u4"].map((profileId) => ({ experienceId: a, profileId, arm: "treatment" as const, at: t0 })));
    await insertEvents(p, [
      { profileId: "u1", name: "purchase", properties: { amount: 10 }, at: at("2026-01-06T00:00:00Z") },
      { profileId: "u1", name: "purchase", properties: { amount: 30 }, at: at("2026-01-07T00:00:00Z") },
      { profileId: "u2", name: "purchase", properties: { amount: "5.5" }, at: at("2026-01-06T00:00:00Z") },
      { profileId: "u3", name: "purchase", properties: { amount: "free" }, at: at("2026-01-06T00:00:00Z") }, // no number: no value
      { profileId: "u4", name: "purchase", properties: { amount: 99 }, at: at("2026-01-04T00:00:00Z") }, // before exposure
    ]);
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist" }, { now: NOW });
    const e = experience(r, a);
    expect(metric(e, s.metricIds[0]).treatment).toMatchObject({ users: 4, n: 4, missing: 0, sum: 45.5, sumSquares: 40 * 40 + 5.5 * 5.5, mean: 45.5 / 4 });
    expect(metric(e, s.metricIds[1]).treatment).toMatchObject({ users: 4, n: 2, missing: 2, sum: 20 + 5.5, sumSquares: 400 + 30.25 });
    expect(metric(e, s.metricIds[2]).treatment).toMatchObject({ n: 2, missing: 2, sum: 30 + 5.5 });
    expect(metric(e, s.metricIds[3]).treatment).toMatchObject({ n: 2, missing: 2, sum: 10 + 5.5 });
  });

  it("reads dates as whole days in the project's time zone and buckets the daily series there", async () => {
    const p = await createTestProject({ timezone: "Europe/Paris" });
    const s = await seedPersonalization(p, { experiences: ["A"], metrics: [{ event: "purchase", measure: "triggered", primary: true }] });
    const [a] = s.experienceIds;
    await insertExposures(p, s.id, [
      // 00:30 on 5 January in Paris, still the 4th in UTC.
      { experienceId: a, profileId: "p1", arm: "treatment", at: at("2026-01-04T23:30:00Z") },
      { experienceId: a, profileId: "p2", arm: "control", at: at("2026-01-05T10:00:00Z") },
      { experienceId: a, profileId: "p3", arm: "treatment", at: at("2026-01-06T10:00:00Z") },
      // 23:30 on 6 January in Paris: inside `to=2026-01-06`.
      { experienceId: a, profileId: "p4", arm: "treatment", at: at("2026-01-06T22:30:00Z") },
      { experienceId: a, profileId: "p5", arm: "treatment", at: at("2026-01-06T23:30:00Z") }, // the 7th in Paris: outside
      { experienceId: a, profileId: "early", arm: "treatment", at: at("2026-01-04T22:30:00Z") }, // the 4th in Paris: outside
    ]);
    await insertEvents(p, [
      { profileId: "p1", name: "purchase", at: at("2026-01-05T08:00:00Z") },
      { profileId: "p3", name: "purchase", at: at("2026-01-06T22:45:00Z") }, // 23:45 on the 6th in Paris
    ]);
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "frequentist", from: "2026-01-05", to: "2026-01-06" }, { now: NOW });
    expect(r.range).toEqual({ from: "2026-01-04T23:00:00.000Z", to: "2026-01-06T23:00:00.000Z", timezone: "Europe/Paris" });
    expect(experience(r, a).users).toEqual({ control: 1, treatment: 3 });
    const total = r.daily.find((d) => d.experienceId === null);
    expect(total?.points.map((x) => x.date)).toEqual(["2026-01-05", "2026-01-06"]);
    expect(total?.points[0].treatment).toEqual({ newUsers: 1, conversions: 1, users: 1, converted: 1, conversionRate: 1 });
    expect(total?.points[0].control).toEqual({ newUsers: 1, conversions: 0, users: 1, converted: 0, conversionRate: 0 });
    expect(total?.points[1].treatment).toEqual({ newUsers: 2, conversions: 1, users: 3, converted: 2, conversionRate: 2 / 3 });
    expect(r.daily.map((d) => d.experienceId)).toEqual([null, a]);
  });

  it("answers a personalization without metrics or exposures with empty, well-formed results", async () => {
    const p = await createTestProject();
    const s = await seedPersonalization(p, { experiences: ["A", "B"] });
    const r = await getPersonalizationResults(p.ctx, s.id, { engine: "bayesian" }, { now: NOW });
    expect(r.metrics).toEqual([]);
    expect(r.experiences.map((e) => e.users)).toEqual([
      { control: 0, treatment: 0 },
      { control: 0, treatment: 0 },
    ]);
    expect(r.total.srm).toBeNull();
    expect(r.daily.every((d) => d.points.length === 0)).toBe(true);
  });
});

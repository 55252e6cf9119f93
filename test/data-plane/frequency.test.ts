// Display frequency under load and across visits (SPEC §2.2, §2.6), and recordExposure: false.
import { describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/connection";
import { flushPendingWrites } from "@/lib/services/decide/write-behind";
import { createTestProject } from "../support/fixtures";
import { armOf } from "./arms";
import { choose, chooseOneName, profileIdOf, rows, seedPersonalization } from "./seed";

describe("once", () => {
  it("of 100 parallel calls for one (new) profile, exactly one is served the once experience; the rest fall through", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "hello", experiences: [{ name: "once", frequency: "once" }, { name: "fallback" }] });
    const [once, fallback] = per.experienceIds;
    const results = await Promise.all(Array.from({ length: 100 }, () => choose(p, { identification: { profileId: "racer" }, names: ["hello"] })));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    const served = results.map((r) => r.json.choices[0].experienceId);
    expect(served.filter((id) => id === once)).toHaveLength(1);
    expect(served.filter((id) => id === fallback)).toHaveLength(99);
    expect(await rows(p, "select * from profiles where project_id = $1")).toHaveLength(1);
    const claims = await rows(p, "select * from experience_exposures where project_id = $1 and experience_id = $2", [once]);
    expect(claims).toHaveLength(1);
    const exposures = await rows<{ experience_id: string; n: number }>(p, "select experience_id, count(*)::int as n from exposures where project_id = $1 group by experience_id order by n", []);
    expect(exposures).toEqual([
      { experience_id: once, n: 1 },
      { experience_id: fallback, n: 99 },
    ]);
    // And never again, in any visit.
    expect((await chooseOneName(p, "hello", { profileId: "racer" }, { sessionId: "another" })).experienceId).toBe(fallback);
  });

  it("a control exposure uses up a once display too (both arms count)", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "held", controlPercent: 50, experiences: [{ name: "once", frequency: "once" }, { name: "fallback" }] });
    let visitor = "";
    for (let n = 0; !visitor; n++) if (armOf(p, per.id, 50, { profileId: `c-${n}` }) === "control") visitor = `c-${n}`;
    expect(await chooseOneName(p, "held", { profileId: visitor })).toMatchObject({ reason: "control", experienceId: per.experienceIds[0] });
    expect(await chooseOneName(p, "held", { profileId: visitor })).toMatchObject({ reason: "control", experienceId: per.experienceIds[1] });
  });
});

describe("always (written behind)", () => {
  it("logs each exposure in its request's session, else in the visit the profile is in", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "a", experiences: [{ name: "always" }] });
    const visitOfProfile = async () => (await rows<{ visit_id: string }>(p, "select visit_id from profiles where project_id = $1"))[0].visit_id;
    await chooseOneName(p, "a", { profileId: "wb" });
    await flushPendingWrites();
    const started = await visitOfProfile();
    expect(started).toMatch(/^vis_/);
    await chooseOneName(p, "a", { profileId: "wb" });
    await flushPendingWrites();
    // A call naming its session and one without, buffered together: the first is in its session
    // whatever the profile's visit ends up as.
    await chooseOneName(p, "a", { profileId: "wb" }, { sessionId: "s-7" });
    await chooseOneName(p, "a", { profileId: "wb" });
    await flushPendingWrites();
    const logged = await rows<{ visit_id: string }>(p, "select visit_id from exposures where project_id = $1 order by created_at, id");
    expect(logged.map((e) => e.visit_id).slice(0, 3)).toEqual([started, started, "s-7"]);
    expect(logged).toHaveLength(4);
  });
});

describe("once_per_visit", () => {
  it("with a sessionId: once in each session", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "v", experiences: [{ name: "visit", frequency: "once_per_visit" }, { name: "fallback" }] });
    const [visit, fallback] = per.experienceIds;
    const pick = async (sessionId: string) => (await chooseOneName(p, "v", { profileId: "s" }, { sessionId })).experienceId;
    expect(await pick("s-1")).toBe(visit);
    expect(await pick("s-1")).toBe(fallback);
    expect(await pick("s-2")).toBe(visit);
    expect(await pick("s-2")).toBe(fallback);
    expect(await pick("s-1")).toBe(fallback);
    const claims = await rows<{ visit_id: string }>(p, "select visit_id from visit_exposures where project_id = $1 order by visit_id");
    expect(claims.map((c) => c.visit_id)).toEqual(["s-1", "s-2"]);
  });

  it("without a sessionId: a new visit starts after 30 minutes without a call or an event", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "v", experiences: [{ name: "visit", frequency: "once_per_visit" }, { name: "fallback" }] });
    const [visit, fallback] = per.experienceIds;
    const pick = async () => (await chooseOneName(p, "v", { profileId: "nosession" })).experienceId;
    expect(await pick()).toBe(visit);
    expect(await pick()).toBe(fallback);
    const id = await profileIdOf(p, { profileId: "nosession" });
    const handle = await getDbHandle();
    const back = async (minutes: number) => {
      await flushPendingWrites(); // the buffered activity first
      await handle.query("update profiles set last_activity_at = now() - make_interval(mins => $2) where id = $1", [id, minutes]);
    };
    await back(29);
    expect(await pick()).toBe(fallback); // 29 minutes idle: the same visit
    await back(31);
    expect(await pick()).toBe(visit); // 31 minutes idle: a new visit
    expect(await pick()).toBe(fallback);
    const visits = await rows<{ visit_id: string }>(p, "select distinct visit_id from visit_exposures where project_id = $1");
    expect(visits).toHaveLength(2);
  });

  it("parallel calls in one visit claim it once", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "v", experiences: [{ name: "visit", frequency: "once_per_visit" }, { name: "fallback" }] });
    const results = await Promise.all(Array.from({ length: 30 }, () => chooseOneName(p, "v", { profileId: "par" }, { sessionId: "same" })));
    expect(results.filter((c) => c.experienceId === per.experienceIds[0])).toHaveLength(1);
  });
});

describe("recordExposure: false", () => {
  const TABLES = ["profiles", "profile_ids", "exposures", "experience_exposures", "visit_exposures", "assignments", "events"];

  async function counts(p: Parameters<typeof rows>[0]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = (await rows<{ n: number }>(p, `select count(*)::int as n from ${table} where project_id = $1`))[0].n;
    return out;
  }

  it("writes nothing at all for an unseen visitor — and buckets it on the id it will get", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "x", controlPercent: 50, experiences: [{ frequency: "once" }] });
    const visitors = Array.from({ length: 12 }, (_, i) => `ghost-${i}`);
    const dry: string[] = [];
    for (const profileId of visitors) dry.push((await chooseOneName(p, "x", { profileId }, { recordExposure: false, sessionId: "s" })).reason);
    expect(Object.values(await counts(p)).every((n) => n === 0)).toBe(true);
    // The same visitors, recorded now: the same arms.
    const wet: string[] = [];
    for (const profileId of visitors) wet.push((await chooseOneName(p, "x", { profileId })).reason);
    expect(wet).toEqual(dry);
    expect(new Set(dry)).toEqual(new Set(["served", "control"]));
    expect(visitors.map((v) => armOf(p, per.id, 50, { profileId: v }))).toEqual(wet.map((r) => (r === "served" ? "treatment" : "control")));
  });

  it("writes nothing for a known visitor either: no activity, no exposure, no claim", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "x", experiences: [{ name: "once", frequency: "once" }, { name: "fallback" }] });
    await seedPersonalization(p, { selector: "other" });
    await chooseOneName(p, "other", { profileId: "known", userId: "u-1" });
    const before = await counts(p);
    const [profile] = await rows<{ last_activity_at: Date; visit_id: string }>(p, "select last_activity_at, visit_id from profiles where project_id = $1");
    for (let i = 0; i < 3; i++) {
      expect((await chooseOneName(p, "x", { profileId: "known", userId: "u-1" }, { recordExposure: false })).experienceId).toBe(per.experienceIds[0]);
    }
    expect(await counts(p)).toEqual(before);
    expect(await rows(p, "select last_activity_at, visit_id from profiles where project_id = $1")).toEqual([profile]);
    // The once display is still there to claim.
    expect((await chooseOneName(p, "x", { profileId: "known" })).experienceId).toBe(per.experienceIds[0]);
    expect((await chooseOneName(p, "x", { profileId: "known" })).experienceId).toBe(per.experienceIds[1]);
  });
});

// POST …/preview: a test profile's decisions, rendered payloads and traces — and nothing written.
import { describe, expect, it } from "vitest";
import { testProfiles } from "@/db/schema";
import { createTestProject, type TestProject } from "../support/fixtures";
import { preview, rows, seedPersonalization, seedSegment } from "./seed";

async function seedConfig(p: TestProject) {
  await seedSegment(p, { key: "beta", type: "static" });
  return {
    live: await seedPersonalization(p, {
      selector: "live",
      groups: ["home"],
      experiences: [
        { name: "buyers", audience: { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 7 } } }, payload: { text: "Thanks {{ attribute.user.name }}" } },
        { name: "beta", audience: { $segment: "beta" }, frequency: "once", payload: { text: "beta" } },
        { name: "weekdays", schedule: { daysOfWeek: [1, 2, 3, 4, 5] }, payload: { text: "weekday" } },
      ],
    }),
    draft: await seedPersonalization(p, { selector: "draft", status: "draft", groups: ["home"], experiences: [{ payload: { text: "draft" } }] }),
  };
}

const TABLES = ["profiles", "profile_ids", "events", "exposures", "experience_exposures", "visit_exposures", "assignments"];

async function nothingWritten(p: TestProject) {
  for (const table of TABLES) expect(await rows(p, `select 1 from ${table} where project_id = $1`), table).toEqual([]);
}

describe("preview", () => {
  it("an inline profile: events relative to the instant, static segments by key, the instant's schedule, traces", async () => {
    const p = await createTestProject();
    const { live } = await seedConfig(p);
    const saturday = "2026-11-28T12:00:00Z";
    const res = await preview(p, {
      profile: {
        userId: "tester",
        attributes: { name: "Ann" },
        events: [
          { name: "purchase", ago: { days: 1 } },
          { name: "purchase", ago: { days: 2, hours: 3 } },
        ],
      },
      names: ["live"],
      at: saturday,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.at).toBe("2026-11-28T12:00:00.000Z");
    expect(res.json.choices[0]).toMatchObject({ name: "live", reason: "served", experienceId: live.experienceIds[0], body: { text: "Thanks Ann" } });
    expect(res.json.traces[0].experiences[0].audience.condition).toMatchObject({ kind: "event", actual: 2, passed: true });

    const older = await preview(p, { profile: { events: [{ name: "purchase", ago: { days: 1 } }, { name: "purchase", ago: { days: 8 } }], segments: ["beta"] }, names: ["live"], at: saturday });
    expect(older.json.choices[0]).toMatchObject({ experienceId: live.experienceIds[1], body: { text: "beta" } });

    const plain = await preview(p, { profile: {}, names: ["live"], at: saturday });
    expect(plain.json.choices[0].reason).toBe("no_match");
    expect(plain.json.traces[0].experiences[2].schedule).toMatchObject({ passed: false });
    const monday = await preview(p, { profile: {}, names: ["live"], at: "2026-11-30T12:00:00Z" });
    expect(monday.json.choices[0]).toMatchObject({ reason: "served", body: { text: "weekday" } });
    await nothingWritten(p);
  });

  it("drafts and paused personalizations on request, in names, groups and all", async () => {
    const p = await createTestProject();
    await seedConfig(p);
    await seedPersonalization(p, { selector: "old", status: "archived" });
    const at = "2026-11-30T12:00:00Z";
    const without = await preview(p, { profile: {}, groups: ["home"], at });
    expect(without.json.choices.map((c: { name: string }) => c.name)).toEqual(["live"]);
    const withDrafts = await preview(p, { profile: {}, groups: ["home"], includeNotRunning: true, at });
    expect(withDrafts.json.choices.map((c: { name: string; reason: string }) => [c.name, c.reason])).toEqual([
      ["live", "served"],
      ["draft", "served"],
    ]);
    expect(withDrafts.json.traces[1]).toMatchObject({ status: "draft", evaluatedAsRunning: true });
    const named = await preview(p, { profile: {}, names: ["draft"], at });
    expect(named.json.choices[0].reason).toBe("not_running");
    const all = await preview(p, { profile: {}, all: true, includeNotRunning: true, at });
    expect(all.json.choices.map((c: { name: string }) => c.name)).toEqual(["live", "draft"]);
    await nothingWritten(p);
  });

  it("a saved test profile, its instant by default", async () => {
    const p = await createTestProject();
    const { live } = await seedConfig(p);
    const [saved] = await p.ctx.db
      .insert(testProfiles)
      .values({ projectId: p.ctx.project.id, name: "Beta tester", segments: ["beta"], instant: new Date("2026-11-28T12:00:00Z") })
      .returning();
    const res = await preview(p, { testProfileId: saved.id, names: ["live"] });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ at: "2026-11-28T12:00:00.000Z", testProfile: { id: saved.id, name: "Beta tester" } });
    expect(res.json.choices[0].experienceId).toBe(live.experienceIds[1]);
    // A once display previews every time: a test profile has no history.
    expect((await preview(p, { testProfileId: saved.id, names: ["live"] })).json.choices[0].experienceId).toBe(live.experienceIds[1]);
    await nothingWritten(p);
  });

  it("errors: unknown test profile 404, bad selections 400, decide or track keys 403", async () => {
    const p = await createTestProject();
    await seedConfig(p);
    expect((await preview(p, { testProfileId: "tpr_nope", names: ["live"] })).status).toBe(404);
    const cases: [unknown, string][] = [
      [{ profile: {} }, "names"],
      [{ profile: {}, names: ["live"], all: true }, "all"],
      [{ names: ["live"] }, "testProfileId"],
      [{ testProfileId: "x", profile: {}, names: ["live"] }, "testProfileId"],
      [{ profile: { events: [{ name: "x", ago: { days: -1 } }] }, names: ["live"] }, "profile.events.0.ago.days"],
      [{ profile: {}, names: ["has space"] }, "names.0"],
      [{ profile: {}, names: ["live"], at: "yesterday" }, "at"],
      [{ profile: {}, names: ["live"], surprise: 1 }, "(body)"],
    ];
    for (const [body, path] of cases) {
      const res = await preview(p, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    expect((await preview(p, { profile: {}, names: ["live"] }, { key: p.keys.decide })).status).toBe(403);
    expect((await preview(p, { profile: {}, names: ["live"] }, { key: p.keys.track })).status).toBe(403);
  });
});

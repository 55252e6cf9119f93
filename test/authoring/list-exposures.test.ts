// GET …/personalizations: `exposures7d`, the distinct profiles first exposed in the last 7 days,
// after visitors go through the real choose-api path (and older rows written directly).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { experienceExposures } from "@/db/schema";
import { flushPendingWrites } from "@/lib/services/decide/write-behind";
import { listPersonalizations } from "@/lib/services/personalizations/list-personalizations";
import { createTestProject } from "../support/fixtures";
import { choose } from "../data-plane/seed";
import { api } from "./api";

const DAY = 86_400_000;

describe("GET …/personalizations exposures7d", () => {
  it("counts each profile exposed in the last 7 days once, per personalization, in one page", async () => {
    const p = await createTestProject();
    const a = api(p);
    const made = async (name: string) => {
      const created = await a("POST", "/personalizations", {
        body: {
          name,
          controlPercent: 50,
          metrics: [{ event: "purchase", measure: "triggered", primary: true }],
          experiences: [
            { name: "first", audience: { "user.plan": "pro" } },
            { name: "rest", audience: { $everyone: true } },
          ],
        },
      });
      expect(created.status).toBe(201);
      const started = await a("POST", `/personalizations/${created.json.id}/start`);
      expect(started.status).toBe(200);
      return started.json as { id: string; selector: string; experiences: { id: string }[] };
    };
    const hero = await made("Hero");
    const banner = await made("Banner");
    const quiet = await made("Quiet");

    // 12 visitors see Hero (served or held back: both are exposures), 3 of them twice; 5 see Banner.
    for (let i = 0; i < 12; i++) {
      const res = await choose(p, { identification: { profileId: `hero-${i}` }, names: [hero.selector] });
      expect(res.status).toBe(200);
      expect(["served", "control"]).toContain(res.json.choices[0].reason);
    }
    for (let i = 0; i < 3; i++)
      await choose(p, { identification: { profileId: `hero-${i}` }, names: [hero.selector] });
    for (let i = 0; i < 5; i++)
      await choose(p, { identification: { profileId: `banner-${i}` }, names: [banner.selector] });
    await flushPendingWrites();

    // Written directly: a profile first exposed 8 days ago (out of the window), and one of the Hero
    // visitors also first exposed to Hero's other experience inside the window (still one profile).
    const listed = async () => {
      const res = await a("GET", "/personalizations");
      expect(res.status).toBe(200);
      return new Map(
        (res.json.personalizations as { id: string; exposures7d: number }[]).map((x) => [
          x.id,
          x.exposures7d,
        ]),
      );
    };
    const before = await listed();
    expect(before.get(hero.id)).toBe(12);
    expect(before.get(banner.id)).toBe(5);
    expect(before.get(quiet.id)).toBe(0);

    const [{ profileId: heroVisitor }] = await p.ctx.db
      .select({ profileId: experienceExposures.profileId })
      .from(experienceExposures)
      .where(eq(experienceExposures.personalizationId, hero.id))
      .limit(1);
    const projectId = p.ctx.project.id;
    await p.ctx.db
      .insert(experienceExposures)
      .values([
        {
          projectId,
          personalizationId: hero.id,
          experienceId: hero.experiences[0].id,
          profileId: "old-profile",
          arm: "treatment",
          firstAt: new Date(Date.now() - 8 * DAY),
        },
        {
          projectId,
          personalizationId: hero.id,
          experienceId: hero.experiences[0].id,
          profileId: heroVisitor,
          arm: "control",
          firstAt: new Date(),
        },
      ])
      .onConflictDoNothing();
    const after = await listed();
    expect(after.get(hero.id)).toBe(12);

    // Seen from 9 days on, the visitors are out of the window and the old profile is in it.
    const later = await listPersonalizations(p.ctx, {}, { now: new Date(Date.now() + 2 * DAY) });
    expect(later.find((x) => x.id === hero.id)?.exposures7d).toBe(12);
    const muchLater = await listPersonalizations(p.ctx, {}, { now: new Date(Date.now() + 30 * DAY) });
    expect(muchLater.map((x) => x.exposures7d)).toEqual([0, 0, 0]);
    const earlier = await listPersonalizations(p.ctx, {}, { now: new Date(Date.now() - 2 * DAY) });
    expect(earlier.find((x) => x.id === hero.id)?.exposures7d).toBe(1);
  });

  it("does not count another project's exposures", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const created = await api(p)("POST", "/personalizations", {
      body: { name: "Mine", experiences: [{ name: "a", audience: { $everyone: true } }] },
    });
    await other.ctx.db.insert(experienceExposures).values({
      projectId: other.ctx.project.id,
      personalizationId: created.json.id,
      experienceId: `exp_x_${other.ctx.project.id}`, // unique: the same database may serve several runs
      profileId: `prof_x_${other.ctx.project.id}`,
      arm: "treatment",
    });
    const res = await api(p)("GET", "/personalizations");
    expect(res.json.personalizations[0]).toMatchObject({ id: created.json.id, exposures7d: 0 });
  });
});

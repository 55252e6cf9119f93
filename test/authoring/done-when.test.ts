// Issue #3's "done when", over HTTP only: a personalization with three experiences (audiences on
// attributes, $event and $segment), a schedule, metrics, 10% control and two groups is created,
// reordered, started, edited while running, paused, exported and imported into another project.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api, createSegment } from "./api";

describe("done when", () => {
  it("create → reorder → start → edit while running → pause → export → import elsewhere", async () => {
    const shop = await createTestProject({ timezone: "Europe/Berlin" });
    const staging = await createTestProject({ timezone: "Europe/Berlin" });
    await createSegment(shop, "vip", { "user.tier": { $in: ["gold", "platinum"] } });
    await createSegment(staging, "vip", { "user.tier": { $in: ["gold", "platinum"] } });
    const a = api(shop);

    // 1. Create.
    const created = await a("POST", "/personalizations", {
      body: {
        name: "Welcome back",
        controlPercent: 10,
        groups: ["homepage", "account"],
        metrics: [
          { event: "subscription_renewed", measure: "triggered", primary: true },
          { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
        ],
        experiences: [
          {
            name: "Lapsed subscribers",
            payload: { title: "Welcome back, {{ attribute.user.first_name | default: \"there\" }}!", cta: "Renew" },
            audience: { "user.plan": "lapsed", "user.country": { $in: ["DE", "AT"] } },
            display: { frequency: "once", devices: "all" },
            schedule: { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } },
          },
          {
            name: "Frequent buyers",
            payload: { title: "Thanks for shopping with us" },
            audience: { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } },
            display: { frequency: "once_per_visit", devices: "mobile" },
          },
          {
            name: "VIPs",
            payload: { title: "Your VIP lounge" },
            audience: { $and: [{ $segment: "vip" }, { $not: { $event: { name: "purchase", within: { days: 7 } } } }] },
            schedule: { start: "2026-12-01T00:00", end: "2027-01-06T00:00" },
          },
        ],
      },
    });
    expect(created.status, created.text).toBe(201);
    const per = created.json;
    expect(per).toMatchObject({ selector: "welcome-back", status: "draft", version: 1, controlPercent: 10, groups: ["account", "homepage"] });
    expect(per.experiences.map((e: { status: string }) => e.status)).toEqual(["ready", "ready", "ready"]);
    const [lapsed, buyers, vips] = per.experiences.map((e: { id: string }) => e.id);

    // 2. Reorder: VIPs first.
    const reordered = await a("PUT", `/personalizations/${per.id}/experiences/order`, { body: { experienceIds: [vips, lapsed, buyers], version: 1 } });
    expect(reordered.status, reordered.text).toBe(200);
    expect(reordered.json.experiences.map((e: { name: string }) => e.name)).toEqual(["VIPs", "Lapsed subscribers", "Frequent buyers"]);
    expect(reordered.json.version).toBe(2);

    // 3. Start.
    const started = await a("POST", `/personalizations/${per.id}/start`, { body: { version: 2 } });
    expect(started.status, started.text).toBe(200);
    expect(started.json).toMatchObject({ status: "running", version: 3 });

    // 4. Edit while running: an experience, then the personalization.
    const edited = await a("PATCH", `/personalizations/${per.id}/experiences/${buyers}`, {
      body: { payload: { title: "Thanks, {{ attribute.user.first_name }}!" }, version: 3 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.version).toBe(4);
    const patched = await a("PATCH", `/personalizations/${per.id}`, { body: { controlPercent: 10, description: "Q4 campaign" }, headers: { "if-match": '"4"' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ status: "running", version: 5 });
    const flagged = await shop.ctx.handle.query<{ action: string }>(
      "select action from audit_log where entity_id = $1 and while_running order by id",
      [per.id],
    );
    expect(flagged.map((r) => r.action)).toEqual(["experience.update", "personalization.update"]);

    // 5. Pause.
    const paused = await a("POST", `/personalizations/${per.id}/pause`, { body: { version: 5 } });
    expect(paused.json).toMatchObject({ status: "paused", version: 6 });

    // 6. Export, import into another project, export again: the same document.
    const exported = await a("GET", `/personalizations/${per.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ name: "Welcome back", selector: "welcome-back", controlPercent: 10, groups: ["account", "homepage"], description: "Q4 campaign" });
    expect(exported.json.experiences.map((e: { name: string }) => e.name)).toEqual(["VIPs", "Lapsed subscribers", "Frequent buyers"]);
    const imported = await api(staging)("POST", "/personalizations/import", { body: exported.json });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json).toMatchObject({ status: "draft", version: 1, selector: "welcome-back" });
    const reexported = await api(staging)("GET", `/personalizations/${imported.json.id}/export`);
    expect(reexported.json).toEqual(exported.json);

    // The imported copy is complete enough to start at once.
    expect((await api(staging)("POST", `/personalizations/${imported.json.id}/start`)).json.status).toBe("running");
    const listed = (await a("GET", "/personalizations?group=homepage")).json.personalizations;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: "paused", experienceCount: 3, primaryMetric: { event: "subscription_renewed" } });
  });
});

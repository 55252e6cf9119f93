// Issue #4's "done when", over the public API only: a personalization made through the management
// API, choose-api answers served, control and no-match visitors, track changes the next decision,
// the preview explains it.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api } from "../authoring/api";
import { visitorIn } from "./arms";
import { choose, preview, track } from "./seed";

describe("done when", () => {
  it("management API → choose-api (served, control, no match) → track → the next decision → preview explains", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", {
      body: {
        name: "Welcome back",
        controlPercent: 20,
        groups: ["homepage"],
        metrics: [{ event: "purchase", measure: "triggered", primary: true }],
        experiences: [
          { name: "Returning buyers", payload: { title: "Welcome back, {{ attribute.user.first_name | default: \"friend\" }}!" }, audience: { $event: { name: "purchase", within: { days: 30 } } } },
          { name: "Pro plan", payload: { title: "Hello, pro" }, audience: { "user.plan": "pro" } },
        ],
      },
    });
    expect(created.status, created.text).toBe(201);
    const per = created.json;
    expect((await a("POST", `/personalizations/${per.id}/start`, { body: { version: per.version } })).status).toBe(200);

    const treated = visitorIn(p, per.id, 20, "treatment", "t");
    const held = visitorIn(p, per.id, 20, "control", "c");
    const ask = async (profileId: string, attributes?: Record<string, unknown>) => {
      for (let attempt = 0; ; attempt++) {
        const res = await choose(p, { identification: { profileId }, names: ["welcome-back"], attributes });
        expect(res.status, res.text).toBe(200);
        // The engine gives a Liquid render 50 ms (decision 010); a starved test machine can miss that
        // on a template's first, cold render. That is render_error by design; ask once more.
        if (res.json.choices[0].reason !== "render_error" || attempt > 0) return res.json.choices[0];
      }
    };
    expect(await ask(treated, { user: { plan: "pro" } })).toMatchObject({ reason: "served", body: { title: "Hello, pro" }, experienceName: "Pro plan", variant: "treatment" });
    expect(await ask(held, { user: { plan: "pro" } })).toMatchObject({ reason: "control", body: null, experienceName: "Pro plan", variant: "control" });
    expect(await ask(treated)).toMatchObject({ reason: "no_match", body: null });

    const sent = await track(p, {
      track: [
        { name: "Identify", payload: [{ eventId: "i-1", timestamp: Date.now(), profileId: treated, userAttributes: { first_name: "Ann" } }] },
        { name: "purchase", payload: [{ eventId: "p-1", timestamp: Date.now(), profileId: treated, data: { amount: 30 } }] },
      ],
    });
    expect(sent.json).toEqual({ accepted: 2, duplicates: 0 });
    expect(await ask(treated)).toMatchObject({ reason: "served", body: { title: "Welcome back, Ann!" }, experienceName: "Returning buyers" });

    const explained = await preview(p, { profile: { attributes: { plan: "pro" } }, groups: ["homepage"] });
    expect(explained.status, explained.text).toBe(200);
    expect(explained.json.choices[0]).toMatchObject({ name: "welcome-back", group: "homepage" });
    const [buyers, pro] = explained.json.traces[0].experiences;
    expect(buyers).toMatchObject({ eligible: false, audience: { condition: { kind: "event", actual: 0, passed: false } } });
    expect(pro).toMatchObject({ eligible: true, audience: { condition: { kind: "field", path: "user.plan", actual: "pro", passed: true } } });
  });
});

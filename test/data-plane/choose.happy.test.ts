// choose-api (SPEC §6.1): every reason code, request order, groups, the wire shape, targeting inputs.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { visitorIn } from "./arms";
import { choose, chooseOneName, rows, seedPersonalization, seedSegment, track } from "./seed";

const CHOICE_KEYS = ["body", "experienceId", "experienceName", "group", "name", "personalizationId", "reason", "variant"];

describe("choose-api: reasons", () => {
  it("served: the first eligible experience by priority, its payload rendered, with the exact wire shape", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, {
      selector: "welcome-back",
      experiences: [
        { name: "Pros", audience: { "user.plan": "pro" }, payload: { title: "pro" } },
        { name: "Returning users", payload: { title: "Welcome back, {{ attribute.user.first_name | default: \"there\" }}!", cart: "{{ attribute.cart.value }}" } },
      ],
    });
    const res = await choose(p, { identification: { sourceId: 7, profileId: "anon-1" }, names: ["welcome-back"], attributes: { cart: { value: 120 } } });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(res.json).sort()).toEqual(["choices", "profileId"]);
    expect(res.json.profileId).toBe("anon-1");
    expect(Object.keys(res.json.choices[0]).sort()).toEqual(CHOICE_KEYS);
    expect(res.json.choices[0]).toEqual({
      name: "welcome-back",
      group: null,
      body: { title: "Welcome back, there!", cart: "120" },
      reason: "served",
      personalizationId: per.id,
      experienceId: per.experienceIds[1],
      experienceName: "Returning users",
      variant: "treatment",
    });
  });

  it("control: a visitor whose bucket falls in the control share gets no payload, and keeps that arm", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "banner", controlPercent: 50 });
    const profileId = visitorIn(p, per.id, 50, "control");
    for (let i = 0; i < 2; i++) {
      const choice = await chooseOneName(p, "banner", { profileId });
      expect(choice).toMatchObject({ reason: "control", body: null, variant: "control", experienceId: per.experienceIds[0] });
    }
    const treated = visitorIn(p, per.id, 50, "treatment");
    expect(await chooseOneName(p, "banner", { profileId: treated })).toMatchObject({ reason: "served", variant: "treatment" });
    const arms = await rows<{ arm: string }>(p, "select arm::text from assignments where project_id = $1 order by arm::text");
    expect(arms.map((a) => a.arm)).toEqual(["control", "treatment"]);
    // Control exposures are recorded too (both arms count).
    const exposures = await rows<{ arm: string }>(p, "select arm::text from exposures where project_id = $1 order by arm::text");
    expect(exposures.map((e) => e.arm)).toEqual(["control", "control", "treatment"]);
  });

  it("no_match: no experience's audience matches", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "pro-only", experiences: [{ audience: { "user.plan": "pro" } }, { audience: null }] });
    expect(await chooseOneName(p, "pro-only", { profileId: "a" })).toMatchObject({ reason: "no_match", body: null, experienceId: null, variant: null });
  });

  it("not_running: drafts, paused and archived personalizations", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "draft", status: "draft" });
    await seedPersonalization(p, { selector: "paused", status: "paused" });
    const archived = await seedPersonalization(p, { selector: "archived", status: "archived" });
    const res = await choose(p, { identification: { profileId: "a" }, names: ["draft", "paused", "archived"] });
    expect(res.json.choices.map((c: { reason: string }) => c.reason)).toEqual(["not_running", "not_running", "not_running"]);
    expect(res.json.choices[2]).toMatchObject({ personalizationId: archived.id, body: null, experienceId: null });
  });

  it("not_found: an unknown selector, and everything when the optimizationType does not match", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "known" });
    const res = await choose(p, { identification: { profileId: "a" }, names: ["unknown", "known"] });
    expect(res.json.choices.map((c: { reason: string }) => c.reason)).toEqual(["not_found", "served"]);
    expect(res.json.choices[0]).toEqual({ name: "unknown", group: null, body: null, reason: "not_found", personalizationId: null, experienceId: null, experienceName: null, variant: null });
    const experiments = await choose(p, { identification: { profileId: "a" }, names: ["known"], optimizationType: "experiment" });
    expect(experiments.json.choices[0].reason).toBe("not_found");
    const personalizations = await choose(p, { identification: { profileId: "a" }, names: ["known"], optimizationType: "personalization" });
    expect(personalizations.json.choices[0].reason).toBe("served");
  });

  it("render_error: a payload that fails to render serves nothing for that selector only, and records nothing for it", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "broken", experiences: [{ payload: { text: "{% for i in (1..200000) %}{{ i }}{% endfor %}" } }] });
    await seedPersonalization(p, { selector: "fine" });
    const res = await choose(p, { identification: { profileId: "a" }, names: ["broken", "fine"] });
    expect(res.status).toBe(200);
    expect(res.json.choices[0]).toMatchObject({ name: "broken", reason: "render_error", body: null, variant: "treatment" });
    expect(res.json.choices[1]).toMatchObject({ name: "fine", reason: "served" });
    const exposures = await rows(p, "select * from exposures where project_id = $1");
    expect(exposures).toHaveLength(1);
  });
});

describe("choose-api: order and groups", () => {
  it("answers names in request order, each once, then each group's running members without repeats", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "a", groups: ["home"] });
    await seedPersonalization(p, { selector: "b", groups: ["home", "cart"] });
    await seedPersonalization(p, { selector: "c", groups: ["cart"] });
    await seedPersonalization(p, { selector: "d", groups: ["home"], status: "paused" });
    await seedPersonalization(p, { selector: "e", groups: ["cart"] });
    const res = await choose(p, { identification: { profileId: "v" }, names: ["c", "zz", "a", "c"], groups: ["home", "cart", "home", "nothing"] });
    expect(res.status, res.text).toBe(200);
    expect(res.json.choices.map((c: { name: string; group: string | null }) => [c.name, c.group])).toEqual([
      ["c", null],
      ["zz", null],
      ["a", null],
      ["b", "home"],
      ["e", "cart"],
    ]);
  });

  it("a group alone lists its running members in creation order", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "second", groups: ["g"] });
    await seedPersonalization(p, { selector: "first", groups: ["g"] });
    await seedPersonalization(p, { selector: "draft", groups: ["g"], status: "draft" });
    const res = await choose(p, { identification: { profileId: "v" }, groups: ["g"] });
    expect(res.json.choices.map((c: { name: string }) => c.name)).toEqual(["second", "first"]);
    expect(res.json.choices.every((c: { group: string; reason: string }) => c.group === "g" && c.reason === "served")).toBe(true);
  });
});

describe("choose-api: targeting inputs", () => {
  it("devices: explicit, from the user agent, and unknown", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "dev", experiences: [{ name: "mobile", devices: "mobile" }, { name: "desktop", devices: "desktop" }, { name: "any" }] });
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    const name = async (extra: Record<string, unknown>) => (await chooseOneName(p, "dev", { profileId: "d" }, extra)) as { experienceId: string; reason: string } & Record<string, unknown>;
    expect((await name({ device: "mobile" })).experienceName).toBe("mobile");
    expect((await name({ device: "desktop" })).experienceName).toBe("desktop");
    expect((await name({ userAgent: iphone })).experienceName).toBe("mobile");
    expect((await name({ device: "all" })).experienceName).toBe("any");
  });

  it("static and rule segments, url and request attributes", async () => {
    const p = await createTestProject();
    await seedSegment(p, { key: "beta", type: "static", members: ["u-1"] });
    await seedSegment(p, { key: "pricing", type: "rule", condition: { "context.path": "/pricing" } });
    await seedPersonalization(p, {
      selector: "seg",
      experiences: [
        { name: "beta", audience: { $segment: "beta" } },
        { name: "pricing", audience: { $and: [{ $segment: "pricing" }, { "cart.value": { $gt: 100 } }] } },
        { name: "rest" },
      ],
    });
    const pick = async (identification: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      ((await chooseOneName(p, "seg", identification, extra)) as unknown as { experienceName: string }).experienceName;
    expect(await pick({ userId: "u-1" })).toBe("beta");
    expect(await pick({ profileId: "x", userId: "u-2" })).toBe("rest");
    expect(await pick({ profileId: "y" }, { url: "https://shop.example/pricing?x=1", attributes: { cart: { value: 120 } } })).toBe("pricing");
    expect(await pick({ profileId: "y" }, { url: "https://shop.example/pricing", attributes: { cart: { value: 10 } } })).toBe("rest");
  });

  it("events sent to track change the next decision for an $event audience", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, {
      selector: "buyers",
      experiences: [
        { name: "frequent", audience: { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } } },
        { name: "never bought", audience: { $not: { $event: { name: "purchase" } } } },
        { name: "others" },
      ],
    });
    const pick = async () => ((await chooseOneName(p, "buyers", { profileId: "shopper" })) as unknown as { experienceName: string }).experienceName;
    expect(await pick()).toBe("never bought");
    const now = Date.now();
    const purchase = (eventId: string, amount: number, ago: number) => ({ eventId, timestamp: now - ago, profileId: "shopper", data: { amount } });
    const sent = await track(p, { track: [{ name: "purchase", payload: [purchase("e1", 30, 1000), purchase("e2", 10, 2000)] }] });
    expect(sent.status, sent.text).toBe(202);
    expect(await pick()).toBe("others");
    await track(p, { track: [{ name: "purchase", payload: [purchase("e3", 50, 40 * 86_400_000)] }] });
    expect(await pick()).toBe("others"); // outside the 30-day window
    await track(p, { track: [{ name: "purchase", payload: [purchase("e4", 25, 5000)] }] });
    expect(await pick()).toBe("frequent");
  });

  it("sourceId may be a number or a numeric string", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "s" });
    for (const sourceId of [7, "7"]) {
      const res = await choose(p, { identification: { sourceId, profileId: "a" }, names: ["s"] });
      expect(res.status, res.text).toBe(200);
    }
  });

  it("a userId alone identifies the visitor; the response echoes it as profileId", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "s" });
    const res = await choose(p, { identification: { userId: "u-9" }, names: ["s"] });
    expect(res.json.profileId).toBe("u-9");
    expect(await rows(p, "select user_id from profiles where project_id = $1")).toEqual([{ user_id: "u-9" }]);
  });
});

describe("choose-api: explain", () => {
  it("returns traces to a key with the manage scope, and refuses explain to a decide-only key", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "x", experiences: [{ name: "pro", audience: { "user.plan": "pro" } }, { name: "all" }] });
    const explained = await choose(p, { identification: { profileId: "a" }, names: ["x"], explain: true }, { key: p.keys.all });
    expect(explained.status, explained.text).toBe(200);
    expect(explained.json.traces).toHaveLength(1);
    const trace = explained.json.traces[0];
    expect(trace.experiences[0]).toMatchObject({ eligible: false, audience: { passed: false } });
    expect(trace.experiences[0].audience.condition).toMatchObject({ kind: "field", path: "user.plan", actual: null });
    expect(trace.winner).toBe(explained.json.choices[0].experienceId);
    const refused = await choose(p, { identification: { profileId: "a" }, names: ["x"], explain: true });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("manage");
    const plain = await choose(p, { identification: { profileId: "a" }, names: ["x"], explain: false });
    expect(plain.json.traces).toBeUndefined();
  });
});

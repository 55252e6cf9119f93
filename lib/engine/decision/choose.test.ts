import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucket } from "../rules/bucket";
import { choose, chooseOne } from "./choose";
import { compileConfig } from "./config";
import { config, experience, personalization, visitor } from "./test-builders";
import type { ChooseRequest, DecisionContext } from "./types";

const NOW = Date.UTC(2025, 5, 4, 12, 0); // Wednesday 12:00 UTC
const ask = (names: string[], groups: string[] = [], extra: Partial<ChooseRequest> = {}): ChooseRequest => ({ names, groups, ...extra });

const project = compileConfig(
  config([
    personalization({ id: "welcome", groups: ["home"] }),
    personalization({ id: "banner", groups: ["home", "footer"] }),
    personalization({ id: "draft-one", status: "draft", groups: ["home"] }),
    personalization({ id: "paused-one", status: "paused", groups: ["home"] }),
    personalization({ id: "old", status: "archived", groups: ["home"] }),
    personalization({ id: "promo", groups: ["footer"] }),
  ]),
);

describe("choose: which entries, in which order", () => {
  it("lists every requested name once, in request order, then each group's running members", () => {
    const { choices } = choose(project, visitor(), ask(["promo", "nope", "promo", "draft-one"], ["home", "footer"]), NOW);
    expect(choices.map((c) => [c.name, c.group, c.reason])).toEqual([
      ["promo", null, "served"],
      ["nope", null, "not_found"],
      ["draft-one", null, "not_running"],
      ["welcome", "home", "served"],
      ["banner", "home", "served"],
    ]);
  });

  it("does not repeat a selector already listed by name or by an earlier group", () => {
    const { choices } = choose(project, visitor(), ask(["banner"], ["home", "footer"]), NOW);
    expect(choices.map((c) => `${c.name}@${c.group}`)).toEqual(["banner@null", "welcome@home", "promo@footer"]);
  });

  it("an unknown group adds nothing", () => {
    expect(choose(project, visitor(), ask([], ["nope"]), NOW).choices).toEqual([]);
  });

  it("not_running for drafts, paused and archived; the preview evaluates drafts and paused, never archived", () => {
    const names = ["draft-one", "paused-one", "old"];
    expect(choose(project, visitor(), ask(names), NOW).choices.map((c) => c.reason)).toEqual(["not_running", "not_running", "not_running"]);
    expect(choose(project, visitor(), ask(names, [], { includeNotRunning: true }), NOW).choices.map((c) => c.reason)).toEqual(["served", "served", "not_running"]);
    const preview = choose(project, visitor(), ask([], ["home"], { includeNotRunning: true }), NOW).choices.map((c) => c.name);
    expect(preview).toEqual(["welcome", "banner", "draft-one", "paused-one"]);
  });

  it("filters by optimization type: other types are not_found by name and left out of groups", () => {
    const typed = compileConfig(config([personalization({ id: "p", groups: ["g"] }), personalization({ id: "x", optimizationType: "experiment", groups: ["g"] })]));
    const asExperiment = choose(typed, visitor(), ask(["p"], ["g"], { optimizationType: "experiment" }), NOW).choices;
    expect(asExperiment.map((c) => [c.name, c.reason])).toEqual([["p", "not_found"], ["x", "served"]]);
    const asPersonalization = choose(typed, visitor(), ask([], ["g"], { optimizationType: "personalization" }), NOW).choices;
    expect(asPersonalization.map((c) => c.name)).toEqual(["p"]);
  });
});

describe("choose: the choice", () => {
  it("serves the rendered payload with the SPEC §6.1 shape", () => {
    const c = compileConfig(
      config([
        personalization({
          id: "pers-1",
          selector: "welcome-back",
          experiences: [experience({ id: "exp-1", name: "Returning users", audience: { "user.plan": "lapsed" }, payload: { title: "Welcome back, {{ attribute.user.first_name | default: 'there' }}!" } })],
        }),
      ]),
    );
    const result = choose(c, visitor({ profile: { attributes: { plan: "lapsed", first_name: "Ada" } } }), ask(["welcome-back"]), NOW);
    expect(result.choices).toEqual([
      {
        name: "welcome-back",
        group: null,
        body: { title: "Welcome back, Ada!" },
        reason: "served",
        personalizationId: "pers-1",
        experienceId: "exp-1",
        experienceName: "Returning users",
        variant: "treatment",
      },
    ]);
    expect(result.records).toEqual([{ personalizationId: "pers-1", experienceId: "exp-1", arm: "treatment", frequency: "always", newAssignment: true }]);
    expect(result.traces).toBeNull();
  });

  it("not_found and not_running carry no body and nothing to record", () => {
    const result = choose(project, visitor(), ask(["nope", "old"]), NOW);
    expect(result.choices).toEqual([
      { name: "nope", group: null, body: null, reason: "not_found", personalizationId: null, experienceId: null, experienceName: null, variant: null },
      { name: "old", group: null, body: null, reason: "not_running", personalizationId: "old", experienceId: null, experienceName: null, variant: null },
    ]);
    expect(result.records).toEqual([null, null]);
  });

  it("first eligible experience by priority wins; none is no_match", () => {
    const c = compileConfig(
      config([
        personalization({
          id: "p",
          experiences: [
            experience({ id: "low", priority: 3, audience: { $everyone: true } }),
            experience({ id: "pro", priority: 1, audience: { "user.plan": "pro" } }),
            experience({ id: "team", priority: 2, audience: { "user.plan": "team" } }),
          ],
        }),
        personalization({ id: "q", experiences: [experience({ id: "q1", audience: { "user.plan": "enterprise" } })] }),
      ]),
    );
    const pick = (plan: string) => choose(c, visitor({ profile: { attributes: { plan } } }), ask(["p", "q"]), NOW).choices;
    expect(pick("pro")[0].experienceId).toBe("pro");
    expect(pick("team")[0].experienceId).toBe("team");
    expect(pick("free")[0].experienceId).toBe("low");
    expect(pick("free")[1]).toMatchObject({ reason: "no_match", body: null, experienceId: null, variant: null, personalizationId: "q" });
  });

  it("an experience whose audience is empty (needs_setup) never matches", () => {
    const c = compileConfig(config([personalization({ id: "p", experiences: [experience({ id: "e", audience: {} })] })]));
    expect(choose(c, visitor(), ask(["p"]), NOW).choices[0].reason).toBe("no_match");
  });

  it("control: body null, variant control, still recorded", () => {
    const c = compileConfig(config([personalization({ id: "p", controlPercent: 99 })]));
    // A profile that hashes into the 99 % control share.
    const inControl = Array.from({ length: 50 }, (_, i) => `u${i}`).find((u) => bucket("p", u) < 0.99) ?? "";
    const result = choose(c, visitor({ profile: { id: inControl } }), ask(["p"]), NOW);
    expect(result.choices[0]).toMatchObject({ reason: "control", body: null, variant: "control", experienceId: "p-e1" });
    expect(result.records[0]).toMatchObject({ arm: "control", newAssignment: true });
  });

  it("render_error: body null, nothing recorded, the error reported for the log", () => {
    const c = compileConfig(config([personalization({ id: "p", experiences: [experience({ id: "e", payload: { a: "ok", b: "{% for i in (1..100000) %}x{% endfor %}" } })] }), personalization({ id: "fine" })]));
    const result = choose(c, visitor(), ask(["p", "fine"]), NOW);
    expect(result.choices[0]).toMatchObject({ reason: "render_error", body: null, experienceId: "e" });
    expect(result.choices[1].reason).toBe("served");
    expect(result.records[0]).toBeNull();
    expect(result.renderErrors).toEqual([{ name: "p", personalizationId: "p", experienceId: "e", path: "b", message: expect.stringMatching(/limit/) }]);
  });
});

describe("choose: sticky arms", () => {
  const c = compileConfig(config([personalization({ id: "p", controlPercent: 50 })]));

  it("keeps an existing assignment whatever the hash says", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom("treatment" as const, "control" as const), (profileId, arm) => {
        const result = choose(c, visitor({ profile: { id: profileId }, assignments: new Map([["p", arm]]) }), ask(["p"]), NOW);
        expect(result.choices[0].variant).toBe(arm);
        expect(result.records[0]?.newAssignment).toBe(false);
      }),
    );
  });

  it("without one, the arm follows the hash of (personalization id, internal profile id) and is stable", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (profileId, anonymousId) => {
        const first = choose(c, visitor({ profile: { id: profileId, profileId: anonymousId } }), ask(["p"]), NOW).choices[0].variant;
        const again = choose(c, visitor({ profile: { id: profileId, profileId: "other", userId: "signed-in" } }), ask(["p"]), NOW).choices[0].variant;
        expect(first).toBe(bucket("p", profileId) < 0.5 ? "control" : "treatment");
        expect(again).toBe(first);
      }),
    );
  });
});

describe("choose: eligibility rules", () => {
  const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
  const windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
  const c = compileConfig(
    config([
      personalization({
        id: "p",
        experiences: [
          experience({ id: "mobile", priority: 1, devices: "mobile" }),
          experience({ id: "desktop", priority: 2, devices: "desktop" }),
          experience({ id: "any", priority: 3, devices: "all" }),
        ],
      }),
    ]),
  );
  const pick = (request: DecisionContext["request"]) => choose(c, visitor({ request }), ask(["p"]), NOW).choices[0].experienceId;

  it("device: the request's device, else the user agent, else only `all`", () => {
    expect(pick({ device: "mobile" })).toBe("mobile");
    expect(pick({ device: "desktop", userAgent: iphone })).toBe("desktop");
    expect(pick({ userAgent: iphone })).toBe("mobile");
    expect(pick({ userAgent: windows })).toBe("desktop");
    expect(pick({})).toBe("any");
    expect(pick({ device: "all" })).toBe("any");
  });

  it("frequency: once and once_per_visit fall through to the next experience", () => {
    const f = compileConfig(
      config([
        personalization({
          id: "p",
          experiences: [
            experience({ id: "once", priority: 1, frequency: "once" }),
            experience({ id: "visit", priority: 2, frequency: "once_per_visit" }),
            experience({ id: "always", priority: 3 }),
          ],
        }),
      ]),
    );
    const pickF = (ever: string[], visit: string[]) => choose(f, visitor({ exposedEver: new Set(ever), exposedThisVisit: new Set(visit) }), ask(["p"]), NOW).choices[0].experienceId;
    expect(pickF([], [])).toBe("once");
    expect(pickF(["once"], [])).toBe("visit");
    expect(pickF(["once", "visit"], [])).toBe("visit"); // exposed before, but not in this visit
    expect(pickF(["once", "visit"], ["visit"])).toBe("always");
    expect(choose(f, visitor(), ask(["p"]), NOW).records[0]).toMatchObject({ experienceId: "once", frequency: "once" });
  });

  it("schedule: evaluated at `now` in the project's zone", () => {
    const s = compileConfig(
      config([personalization({ id: "p", experiences: [experience({ id: "office-hours", schedule: { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } } })] })], { timezone: "America/New_York" }),
    );
    expect(choose(s, visitor(), ask(["p"]), Date.UTC(2025, 5, 4, 12, 0)).choices[0].reason).toBe("no_match"); // 08:00 in New York
    expect(choose(s, visitor(), ask(["p"]), Date.UTC(2025, 5, 4, 14, 0)).choices[0].reason).toBe("served"); // 10:00
    expect(choose(s, visitor(), ask(["p"]), Date.UTC(2025, 5, 7, 14, 0)).choices[0].reason).toBe("no_match"); // Saturday
  });

  it("audience sees segments, events, the context and request attributes", () => {
    const a = compileConfig(
      config(
        [
          personalization({ id: "seg", experiences: [experience({ id: "e", audience: { $segment: "big-spenders" } })] }),
          personalization({ id: "vip", experiences: [experience({ id: "e", audience: { $segment: "vip-list" } })] }),
          personalization({ id: "page", experiences: [experience({ id: "e", audience: { "context.path": "/pricing", "context.query.utm": "mail", "context.device": "mobile" } })] }),
          personalization({ id: "cart", experiences: [experience({ id: "e", audience: { "cart.value": { $gt: 100 }, "user.plan": "pro" } })] }),
        ],
        {
          segments: [
            { key: "big-spenders", type: "rule", condition: { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } } },
            { key: "vip-list", type: "static" },
          ],
        },
      ),
    );
    const day = 86_400_000;
    const v = visitor({
      profile: { attributes: { plan: "free" } },
      events: [
        { name: "purchase", properties: { amount: 30 }, occurredAt: NOW - day },
        { name: "purchase", properties: { amount: 25 }, occurredAt: NOW - 10 * day },
      ],
      staticSegments: new Set(["vip-list"]),
      request: { url: "https://shop.example/pricing?utm=mail&utm=other", device: "mobile", attributes: { cart: { value: 120 }, user: { plan: "pro" }, id: "spoofed" } },
    });
    expect(choose(a, v, ask(["seg", "vip", "page", "cart"]), NOW).choices.map((c) => c.reason)).toEqual(["served", "served", "served", "served"]);
    const without = visitor({ request: { url: "/pricing" } });
    expect(choose(a, without, ask(["seg", "vip", "page", "cart"]), NOW).choices.map((c) => c.reason)).toEqual(["no_match", "no_match", "no_match", "no_match"]);
  });
});

describe("choose: the once-claim retry", () => {
  it("chooseOne re-decides one entry after a lost claim, falling through to the next experience", () => {
    const c = compileConfig(
      config([personalization({ id: "p", groups: ["g"], experiences: [experience({ id: "first", priority: 1, frequency: "once" }), experience({ id: "second", priority: 2 })] })]),
    );
    const v = visitor();
    const first = choose(c, v, ask([], ["g"]), NOW);
    expect(first.records[0]).toMatchObject({ experienceId: "first", frequency: "once" });
    // The claim failed: another request served "first" to this profile.
    const retry = chooseOne(c, { ...v, exposedEver: new Set([...v.exposedEver, "first"]) }, { name: "p", group: "g" }, NOW);
    expect(retry.choice).toMatchObject({ name: "p", group: "g", experienceId: "second", reason: "served" });
    expect(retry.record).toMatchObject({ experienceId: "second", frequency: "always" });
  });
});

describe("choose: explain", () => {
  const c = compileConfig(
    config([
      personalization({
        id: "p",
        controlPercent: 30,
        experiences: [
          experience({ id: "pro", priority: 1, audience: { "user.plan": "pro" }, devices: "desktop" }),
          experience({ id: "weekend", priority: 2, schedule: { daysOfWeek: [6, 7] } }),
          experience({ id: "once", priority: 3, frequency: "once" }),
          experience({ id: "all", priority: 4 }),
        ],
      }),
    ]),
  );

  it("records every check of every experience, the winner and the bucket", () => {
    const v = visitor({ profile: { attributes: { plan: "free" } }, exposedEver: new Set(["once"]), assignments: new Map([["p", "treatment"]]) });
    const { traces, choices } = choose(c, v, ask(["p", "missing"], [], { explain: true }), NOW);
    expect(choices[0].experienceId).toBe("all");
    expect(traces).toHaveLength(2);
    const t = traces?.[0];
    expect(t).toMatchObject({ name: "p", reason: "served", winner: "all", evaluatedAsRunning: false, render: { ok: true } });
    expect(t?.control).toEqual({ bucket: bucket("p", "profile-1"), controlPercent: 30, arm: "treatment", sticky: true });
    const [pro, weekend, once, all] = t?.experiences ?? [];
    expect(pro).toMatchObject({
      eligible: false,
      audience: { status: "ready", passed: false, condition: { kind: "field", path: "user.plan", operator: "=", expected: "pro", actual: "free", passed: false } },
      device: { required: "desktop", actual: null, source: "unknown", passed: false },
    });
    expect(weekend).toMatchObject({ eligible: false, schedule: { passed: false, reason: expect.stringMatching(/Wednesday is not a scheduled day/) } });
    expect(once).toMatchObject({ eligible: false, frequency: { rule: "once", passed: false, reason: "already exposed once" } });
    expect(all).toMatchObject({ eligible: true });
    expect(traces?.[1]).toMatchObject({ name: "missing", reason: "not_found", personalizationId: null });
  });

  it("reaches the same choices as the fast path", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("free", "pro"),
        fc.constantFrom(undefined, "mobile", "desktop"),
        fc.subarray(["pro", "weekend", "once", "all"]),
        fc.integer({ min: 0, max: 6 }),
        fc.string({ minLength: 1 }),
        (plan, device, exposed, dayOffset, profileId) => {
          const v = visitor({ profile: { id: profileId, attributes: { plan } }, request: { device }, exposedEver: new Set(exposed) });
          const now = NOW + dayOffset * 86_400_000;
          const fast = choose(c, v, ask(["p"]), now);
          const slow = choose(c, v, ask(["p"], [], { explain: true }), now);
          expect(slow.choices).toEqual(fast.choices);
          expect(slow.records).toEqual(fast.records);
        },
      ),
    );
  });
});

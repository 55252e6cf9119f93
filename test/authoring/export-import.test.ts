// Export gives a self-contained document; import creates or updates by selector; the round trip is exact.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api, createSegment, expectError } from "./api";

const document = {
  name: "Welcome back",
  selector: "welcome-back",
  type: "server_side",
  description: "Returning visitors",
  controlPercent: 10,
  groups: ["homepage", "account"],
  metrics: [
    { event: "subscription_renewed", measure: "triggered", primary: true },
    { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
  ],
  experiences: [
    {
      name: "Lapsed",
      payload: { title: "Welcome back, {{ attribute.user.first_name | default: \"there\" }}!", items: [1, null, true] },
      audience: { $and: [{ "user.plan": "lapsed" }, { $segment: "vip" }] },
      display: { frequency: "once", devices: "mobile" },
      schedule: { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } },
    },
    { name: "Fallback", payload: "plain string", audience: { $everyone: true } },
  ],
};

describe("export and import", () => {
  it("export → import into another project → export gives the same document", async () => {
    const source = await createTestProject();
    const target = await createTestProject();
    await createSegment(source, "vip");
    await createSegment(target, "vip");
    const tpl = (await api(source)("POST", "/templates", { body: { name: "T", payload: { from: "template" } } })).json;
    const created = (await api(source)("POST", "/personalizations", { body: document })).json;
    await api(source)("POST", `/personalizations/${created.id}/experiences`, { body: { templateId: tpl.id } });

    const exported = await api(source)("GET", `/personalizations/${created.id}/export`);
    expect(exported.status, exported.text).toBe(200);
    const doc = exported.json;
    expect(JSON.stringify(doc)).not.toMatch(/"(per|exp|met|tpl|grp|prj)_/);
    expect(doc).not.toHaveProperty("version");
    expect(doc).not.toHaveProperty("status");
    expect(doc.experiences[2]).toEqual({ name: "T", payload: { from: "template" }, audience: null, display: { frequency: "always", devices: "all" }, schedule: {} });
    expect(doc.experiences[1]).toEqual({ name: "Fallback", payload: "plain string", audience: { $everyone: true }, display: { frequency: "always", devices: "all" }, schedule: {} });

    const imported = await api(target)("POST", "/personalizations/import", { body: doc });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json).toMatchObject({ selector: "welcome-back", status: "draft", version: 1, groups: ["account", "homepage"] });
    const again = await api(target)("GET", `/personalizations/${imported.json.id}/export`);
    expect(again.json).toEqual(doc);
  });

  it("import of an existing selector updates it: replaces lists, bumps the version, keeps status and matching ids", async () => {
    const p = await createTestProject();
    await createSegment(p, "vip");
    const a = api(p);
    const created = (await a("POST", "/personalizations", { body: document })).json;
    const started = (await a("POST", `/personalizations/${created.id}/start`)).json;
    expect(started.status).toBe("running");

    const changed = {
      ...document,
      name: "Welcome back (v2)",
      controlPercent: 20,
      groups: ["homepage"],
      metrics: [document.metrics[1], { event: "signup", measure: "triggered", primary: true }],
      experiences: [{ ...document.experiences[1], payload: "new" }, { name: "Brand new", audience: { "user.country": "DE" } }],
    };
    const res = await a("POST", "/personalizations/import", { body: changed });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: created.id, name: "Welcome back (v2)", status: "running", version: 3, controlPercent: 20, groups: ["homepage"] });
    expect(res.json.experiences.map((e: { name: string }) => e.name)).toEqual(["Fallback", "Brand new"]);
    // "Fallback" kept its id (exposures stay attached); "Lapsed" is gone.
    expect(res.json.experiences[0].id).toBe(created.experiences[1].id);
    expect(res.json.experiences[0].payload).toBe("new");
    expect(res.json.metrics[0].id).toBe(created.metrics[1].id);
    const [audit] = await p.ctx.handle.query<{ while_running: boolean }>(
      "select while_running from audit_log where entity_id = $1 and action = 'personalization.import'",
      [created.id],
    );
    expect(audit.while_running).toBe(true);
  });

  it("an import with a stale If-Match → 409", async () => {
    const p = await createTestProject();
    await createSegment(p, "vip");
    const a = api(p);
    await a("POST", "/personalizations", { body: document });
    expectError(await a("POST", "/personalizations/import", { body: document, headers: { "if-match": '"4"' } }), 409, "version_conflict");
  });

  it("without a selector: derived from the name, and that one is updated", async () => {
    const p = await createTestProject();
    const a = api(p);
    const first = await a("POST", "/personalizations/import", { body: { name: "Spring Sale" } });
    expect(first.status).toBe(201);
    expect(first.json.selector).toBe("spring-sale");
    const second = await a("POST", "/personalizations/import", { body: { name: "Spring Sale", controlPercent: 0 } });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ id: first.json.id, controlPercent: 0, version: 2 });
  });

  it("unknown segment keys → 400 naming them", async () => {
    const p = await createTestProject();
    await createSegment(p, "vip");
    const doc = {
      ...document,
      experiences: [{ name: "x", audience: { $or: [{ $segment: "vip" }, { $segment: "lapsed" }, { $not: { $segment: "churned" } }] } }],
    };
    const res = await api(p)("POST", "/personalizations/import", { body: doc });
    expectError(res, 400, "validation_failed", "experiences.0.audience.$or.1.$segment");
    expect(res.json.error.message).toMatch(/"lapsed", "churned"/);
    expect(res.json.error.message).not.toMatch(/"vip"/);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain("experiences.0.audience.$or.2.$not.$segment");
    expect((await api(p)("GET", "/personalizations")).json.personalizations).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ["no name", { selector: "x" }, "name"],
    ["a bad selector", { name: "n", selector: "a b" }, "selector"],
    ["a Liquid error", { name: "n", experiences: [{ payload: { t: "{{" } }] }, "experiences.0.payload.t"],
  ])("a document with %s → 400 naming %s", async (_label, body, field) => {
    const p = await createTestProject();
    expectError(await api(p)("POST", "/personalizations/import", { body }), 400, "validation_failed", field);
  });

  it("export of an unknown personalization → 404", async () => {
    const p = await createTestProject();
    expectError(await api(p)("GET", "/personalizations/per_nope/export"), 404, "not_found");
  });
});

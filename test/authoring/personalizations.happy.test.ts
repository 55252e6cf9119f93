// Personalizations: create, read, list, edit, delete, archive — the happy paths.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api, createSegment } from "./api";

describe("POST …/personalizations", () => {
  it("creates a draft from a full document, experiences in priority order", async () => {
    const p = await createTestProject();
    await createSegment(p, "vip");
    const res = await api(p)("POST", "/personalizations", {
      body: {
        name: "Welcome back",
        selector: "welcome-back",
        type: "server_side",
        controlPercent: 10,
        groups: ["homepage", "checkout"],
        metrics: [
          { event: "subscription_renewed", measure: "triggered", primary: true },
          { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
        ],
        experiences: [
          {
            name: "Lapsed subscribers",
            payload: { title: "Welcome back, {{ attribute.user.first_name }}!" },
            audience: { "user.plan": "lapsed" },
            display: { frequency: "once", devices: "all" },
            schedule: { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } },
          },
          { name: "VIPs", payload: { title: "Hello VIP" }, audience: { $segment: "vip" } },
        ],
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    const per = res.json;
    expect(per).toMatchObject({
      name: "Welcome back",
      selector: "welcome-back",
      type: "server_side",
      status: "draft",
      controlPercent: 10,
      version: 1,
      groups: ["checkout", "homepage"],
      startedAt: null,
    });
    expect(per.id).toMatch(/^per_/);
    expect(per.metrics).toEqual([
      { id: expect.stringMatching(/^met_/), event: "subscription_renewed", measure: "triggered", property: null, aggregation: null, primary: true },
      { id: expect.stringMatching(/^met_/), event: "purchase", measure: "value", property: "amount", aggregation: "sum", primary: false },
    ]);
    expect(per.experiences.map((e: { name: string; priority: number; status: string }) => [e.name, e.priority, e.status])).toEqual([
      ["Lapsed subscribers", 1, "ready"],
      ["VIPs", 2, "ready"],
    ]);
    expect(per.experiences[0]).toMatchObject({
      display: { frequency: "once", devices: "all" },
      schedule: { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } },
    });
    expect(per.experiences[1].display).toEqual({ frequency: "always", devices: "all" });
  });

  it("with only a name: derived selector, control 5, one empty experience that needs setup", async () => {
    const p = await createTestProject();
    const res = await api(p)("POST", "/personalizations", { body: { name: "  Été: Welcome back, VIPs!  " } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ selector: "ete-welcome-back-vips", controlPercent: 5, groups: [], metrics: [], status: "draft" });
    expect(res.json.experiences).toHaveLength(1);
    expect(res.json.experiences[0]).toMatchObject({ name: "Experience 1", status: "needs_setup", payload: {}, audience: null, schedule: {} });
  });

  it("a derived selector that is taken gets -2, -3…", async () => {
    const p = await createTestProject();
    const a = api(p);
    const selectors = [];
    for (let i = 0; i < 3; i++) selectors.push((await a("POST", "/personalizations", { body: { name: "Spring sale" } })).json.selector);
    expect(selectors).toEqual(["spring-sale", "spring-sale-2", "spring-sale-3"]);
  });

  it("creates the groups it names, and reuses existing ones", async () => {
    const p = await createTestProject();
    const a = api(p);
    await a("POST", "/personalizations", { body: { name: "A", groups: ["homepage"] } });
    const b = await a("POST", "/personalizations", { body: { name: "B", groups: ["homepage", "cart", "homepage"] } });
    expect(b.json.groups).toEqual(["cart", "homepage"]);
    const rows = await p.ctx.handle.query<{ name: string }>("select name from selector_groups where project_id = $1 order by name", [p.ctx.project.id]);
    expect(rows.map((r) => r.name)).toEqual(["cart", "homepage"]);
  });

  it("audits the creation", async () => {
    const p = await createTestProject();
    const res = await api(p)("POST", "/personalizations", { body: { name: "Audited" } });
    const rows = await p.ctx.handle.query<{ action: string; actor_type: string; after: { id: string } }>(
      "select action, actor_type, after from audit_log where project_id = $1 and entity_id = $2",
      [p.ctx.project.id, res.json.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "personalization.create", actor_type: "key" });
    expect(rows[0].after.id).toBe(res.json.id);
  });
});

describe("GET …/personalizations/{id}", () => {
  it("reads what was created, with its version as ETag", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "Read me", groups: ["g1"] } });
    const got = await a("GET", `/personalizations/${created.json.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.json).toEqual(created.json);
  });
});

describe("GET …/personalizations", () => {
  it("lists with experience count, group names and primary metric; filters by status and group; hides archived", async () => {
    const p = await createTestProject();
    const a = api(p);
    const one = await a("POST", "/personalizations", {
      body: {
        name: "One",
        groups: ["homepage"],
        metrics: [{ event: "signup", measure: "triggered", primary: true }],
        experiences: [{ name: "a", audience: { $everyone: true } }, { name: "b", audience: { "user.plan": "pro" } }],
      },
    });
    const two = await a("POST", "/personalizations", { body: { name: "Two", groups: ["cart"] } });
    const three = await a("POST", "/personalizations", { body: { name: "Three" } });
    await a("POST", `/personalizations/${three.json.id}/archive`);
    await a("POST", `/personalizations/${one.json.id}/start`);

    const all = await a("GET", "/personalizations");
    expect(all.status).toBe(200);
    expect(all.json.personalizations.map((x: { name: string }) => x.name).sort()).toEqual(["One", "Two"]);
    const first = all.json.personalizations.find((x: { id: string }) => x.id === one.json.id);
    expect(first).toMatchObject({
      status: "running",
      experienceCount: 2,
      groups: ["homepage"],
      primaryMetric: { event: "signup", measure: "triggered", primary: true },
      version: 2,
    });
    expect(all.json.personalizations.find((x: { id: string }) => x.id === two.json.id).primaryMetric).toBeNull();

    const running = await a("GET", "/personalizations?status=running");
    expect(running.json.personalizations.map((x: { id: string }) => x.id)).toEqual([one.json.id]);
    const archived = await a("GET", "/personalizations?status=archived");
    expect(archived.json.personalizations.map((x: { id: string }) => x.id)).toEqual([three.json.id]);
    const cart = await a("GET", "/personalizations?group=cart");
    expect(cart.json.personalizations.map((x: { id: string }) => x.id)).toEqual([two.json.id]);
    const none = await a("GET", "/personalizations?group=nope");
    expect(none.json.personalizations).toEqual([]);
  });

  it("does not show another project's personalizations", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    await api(other)("POST", "/personalizations", { body: { name: "Theirs" } });
    expect((await api(p)("GET", "/personalizations")).json.personalizations).toEqual([]);
  });
});

describe("PATCH …/personalizations/{id}", () => {
  it("applies a partial document with its version and bumps the version", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "Before", groups: ["a"] } });
    const res = await a("PATCH", `/personalizations/${created.json.id}`, {
      body: { version: 1, name: "After", selector: "after-sel", controlPercent: 20, groups: ["b", "c"], description: "why" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ name: "After", selector: "after-sel", controlPercent: 20, groups: ["b", "c"], description: "why", version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');
    // The experiences were not mentioned: untouched.
    expect(res.json.experiences).toEqual(created.json.experiences);
  });

  it("accepts the version as If-Match", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "X" } });
    const res = await a("PATCH", `/personalizations/${created.json.id}`, { body: { controlPercent: 0 }, headers: { "if-match": '"1"' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ controlPercent: 0, version: 2 });
  });

  it("If-Match: * on an experience write means any version", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "Star" } });
    const res = await a("POST", `/personalizations/${created.json.id}/experiences`, { body: {}, headers: { "if-match": "*" } });
    expect(res.status, res.text).toBe(201);
  });

  it("replaces experiences and metrics: entries with id are kept (absent fields too), others new, the rest removed", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", {
      body: {
        name: "Lists",
        metrics: [{ event: "signup", measure: "triggered", primary: true }, { event: "purchase", measure: "triggered" }],
        experiences: [
          { name: "first", payload: { n: 1 }, audience: { "user.plan": "pro" } },
          { name: "second", payload: { n: 2 } },
          { name: "third", payload: { n: 3 } },
        ],
      },
    });
    const [e1, , e3] = created.json.experiences;
    const [m1] = created.json.metrics;
    const res = await a("PATCH", `/personalizations/${created.json.id}`, {
      body: {
        version: 1,
        experiences: [{ id: e3.id }, { name: "new one", payload: { n: 4 } }, { id: e1.id, name: "first renamed" }],
        metrics: [{ event: "purchase", measure: "value", property: "amount", aggregation: "avg", primary: true }, { ...m1, primary: false }],
      },
    });
    expect(res.status, res.text).toBe(200);
    const exps = res.json.experiences;
    expect(exps.map((e: { name: string; priority: number }) => [e.name, e.priority])).toEqual([
      ["third", 1],
      ["new one", 2],
      ["first renamed", 3],
    ]);
    expect(exps[0].id).toBe(e3.id);
    expect(exps[2]).toMatchObject({ id: e1.id, payload: { n: 1 }, audience: { "user.plan": "pro" }, status: "ready" });
    expect(res.json.metrics.map((m: { event: string; primary: boolean }) => [m.event, m.primary])).toEqual([
      ["purchase", true],
      ["signup", false],
    ]);
    expect(res.json.metrics[1].id).toBe(m1.id);
  });

  it("is allowed while running and audited as such", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", {
      body: { name: "Live", metrics: [{ event: "e", measure: "triggered", primary: true }], experiences: [{ audience: { $everyone: true } }] },
    });
    const started = await a("POST", `/personalizations/${created.json.id}/start`);
    expect(started.json.status).toBe("running");
    const res = await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: started.json.version, controlPercent: 15 } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "running", controlPercent: 15, version: 3 });
    const [row] = await p.ctx.handle.query<{ while_running: boolean; before: { controlPercent: number }; after: { controlPercent: number } }>(
      "select while_running, before, after from audit_log where entity_id = $1 and action = 'personalization.update'",
      [created.json.id],
    );
    expect(row).toMatchObject({ while_running: true, before: { controlPercent: 5 }, after: { controlPercent: 15 } });
  });
});

describe("DELETE …/personalizations/{id}", () => {
  it("deletes a draft", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "Gone", groups: ["g"] } });
    const res = await a("DELETE", `/personalizations/${created.json.id}`);
    expect(res.status).toBe(204);
    expect((await a("GET", `/personalizations/${created.json.id}`)).status).toBe(404);
    const rows = await p.ctx.handle.query("select 1 from experiences where personalization_id = $1", [created.json.id]);
    expect(rows).toHaveLength(0);
  });
});

describe("POST …/personalizations/{id}/archive", () => {
  it("archives from any status and keeps the selector", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/personalizations", { body: { name: "Old" } });
    const res = await a("POST", `/personalizations/${created.json.id}/archive`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "archived", version: 2 });
    expect(res.json.archivedAt).not.toBeNull();
    // Idempotent.
    expect((await a("POST", `/personalizations/${created.json.id}/archive`)).json.version).toBe(2);
    // The selector stays taken.
    const again = await a("POST", "/personalizations", { body: { name: "Old" } });
    expect(again.json.selector).toBe("old-2");
  });
});

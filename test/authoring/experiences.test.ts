// Experiences: add (scratch or template), edit, delete, reorder, duplicate, save as template.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api, createSegment, expectError } from "./api";

async function setup(experiences: Record<string, unknown>[] = [{ name: "A" }, { name: "B" }, { name: "C" }]) {
  const p = await createTestProject();
  const a = api(p);
  const per = (await a("POST", "/personalizations", { body: { name: "Exp host", experiences } })).json;
  return { p, a, per, path: `/personalizations/${per.id}/experiences` };
}

const names = (per: { experiences: { name: string; priority: number }[] }) => per.experiences.map((e) => `${e.priority}:${e.name}`);

describe("POST …/experiences", () => {
  it("adds an experience from scratch at the lowest priority and bumps the version", async () => {
    const { a, per, path } = await setup();
    const res = await a("POST", path, {
      body: { name: "D", payload: { t: "{{ attribute.user.first_name }}" }, audience: { "user.plan": "pro" }, display: { devices: "mobile" }, version: 1 },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.version).toBe(2);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.json.experience).toMatchObject({ name: "D", priority: 4, status: "ready", display: { frequency: "always", devices: "mobile" }, templateId: null });
    const got = (await a("GET", `/personalizations/${per.id}`)).json;
    expect(names(got)).toEqual(["1:A", "2:B", "3:C", "4:D"]);
  });

  it("with no body fields: a default empty experience", async () => {
    const { a, path } = await setup([]);
    const res = await a("POST", path, { body: {} });
    expect(res.status, res.text).toBe(201);
    expect(res.json.experience).toMatchObject({ name: "Experience 1", priority: 1, status: "needs_setup", payload: {} });
  });

  it("from a template: copies its payload and takes its name", async () => {
    const { a, per, path } = await setup();
    const tpl = (await a("POST", "/templates", { body: { name: "Hero", payload: { hero: "Hi {{ attribute.user.first_name }}" } } })).json;
    const res = await a("POST", path, { body: { templateId: tpl.id } });
    expect(res.status, res.text).toBe(201);
    expect(res.json.experience).toMatchObject({ name: "Hero", payload: { hero: "Hi {{ attribute.user.first_name }}" }, templateId: tpl.id });
    // A copy: editing the template later does not change the experience.
    await a("PATCH", `/templates/${tpl.id}`, { body: { payload: { hero: "changed" } } });
    const got = (await a("GET", `/personalizations/${per.id}`)).json;
    expect(got.experiences[3].payload).toEqual({ hero: "Hi {{ attribute.user.first_name }}" });
  });

  it.each<[string, Record<string, unknown>, number, string, string]>([
    ["templateId and payload together", { templateId: "tpl_x", payload: {} }, 400, "validation_failed", "templateId"],
    ["an unknown templateId", { templateId: "tpl_nope" }, 400, "validation_failed", "templateId"],
    ["a Liquid syntax error", { payload: { a: [{ b: "{{ x" }] } }, 400, "validation_failed", "payload.a.0.b"],
    ["an unknown segment", { audience: { $segment: "ghost" } }, 400, "validation_failed", "audience.$segment"],
    ["a bad regex", { audience: { "user.email": { $regexi: "[a-" } } }, 400, "validation_failed", "audience.user.email.$regexi"],
    ["a schedule in the wrong order", { schedule: { start: "2026-02-01T00:00Z", end: "2026-01-01T00:00Z" } }, 400, "validation_failed", "schedule.end"],
    ["an empty name", { name: "" }, 400, "validation_failed", "name"],
    ["a stale version", { version: 9 }, 409, "version_conflict", "version"],
  ])("%s → %i", async (_label, body, status, code, field) => {
    const { a, path } = await setup();
    const res = await a("POST", path, { body });
    if (code === "version_conflict") {
      expectError(res, status, code);
      expect(res.json.error.details.currentVersion).toBe(1);
    } else expectError(res, status, code, field);
  });

  it("accepts a segment the project has", async () => {
    const { p, a, path } = await setup();
    await createSegment(p, "vip");
    expect((await a("POST", path, { body: { audience: { $and: [{ $segment: "vip" }, { $event: { name: "purchase", count: { $gte: 2 } } }] } } })).status).toBe(201);
  });

  it("an unknown personalization → 404", async () => {
    const { a } = await setup();
    expectError(await a("POST", "/personalizations/per_nope/experiences", { body: {} }), 404, "not_found");
  });
});

describe("PATCH …/experiences/{experienceId}", () => {
  it("edits only the fields sent; display merges; bumps the version", async () => {
    const { a, per, path } = await setup([{ name: "A", payload: { v: 1 }, display: { frequency: "once", devices: "desktop" }, schedule: { daysOfWeek: [6, 7] } }]);
    const id = per.experiences[0].id;
    const res = await a("PATCH", `${path}/${id}`, { body: { audience: { "user.country": { $in: ["DE", "FR"] } }, display: { devices: "mobile" }, version: 1 } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.version).toBe(2);
    expect(res.json.experience).toMatchObject({
      id,
      name: "A",
      payload: { v: 1 },
      status: "ready",
      display: { frequency: "once", devices: "mobile" },
      schedule: { daysOfWeek: [6, 7] },
    });
    const cleared = await a("PATCH", `${path}/${id}`, { body: { schedule: null, audience: null, payload: [1, "two"] } });
    expect(cleared.json.experience).toMatchObject({ schedule: {}, audience: null, status: "needs_setup", payload: [1, "two"] });
    expect(cleared.json.version).toBe(3);
  });

  it("applies without a version (no check) — and with a stale one is a 409", async () => {
    const { a, per, path } = await setup();
    const id = per.experiences[0].id;
    expect((await a("PATCH", `${path}/${id}`, { body: { name: "no check" } })).status).toBe(200);
    expectError(await a("PATCH", `${path}/${id}`, { body: { name: "stale", version: 1 } }), 409, "version_conflict");
    expectError(await a("PATCH", `${path}/${id}`, { body: { name: "stale" }, headers: { "if-match": '"1"' } }), 409, "version_conflict");
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a Liquid error", { payload: { x: "{% for %}" } }, "payload.x"],
    ["a payload over 64 KiB", { payload: "y".repeat(66_000) }, "payload"],
    ["an unknown operator", { audience: { $where: "1" } }, "audience.$where"],
    ["an unknown frequency", { display: { frequency: "hourly" } }, "display.frequency"],
    ["a schedule of the wrong type", { schedule: "weekdays" }, "schedule"],
  ])("%s → 400 naming %s", async (_label, body, field) => {
    const { a, per, path } = await setup();
    expectError(await a("PATCH", `${path}/${per.experiences[0].id}`, { body }), 400, "validation_failed", field);
  });

  it("an experience of another personalization → 404", async () => {
    const { a, path } = await setup();
    const other = (await a("POST", "/personalizations", { body: { name: "Other" } })).json;
    expectError(await a("PATCH", `${path}/${other.experiences[0].id}`, { body: { name: "x" } }), 404, "not_found");
  });
});

describe("DELETE …/experiences/{experienceId}", () => {
  it("removes it and closes the gap in priorities", async () => {
    const { a, per, path } = await setup();
    const res = await a("DELETE", `${path}/${per.experiences[1].id}`, { headers: { "if-match": '"1"' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ version: 2 });
    expect(names((await a("GET", `/personalizations/${per.id}`)).json)).toEqual(["1:A", "2:C"]);
  });

  it("with a stale version → 409; unknown → 404", async () => {
    const { a, per, path } = await setup();
    expectError(await a("DELETE", `${path}/${per.experiences[0].id}`, { body: { version: 7 } }), 409, "version_conflict");
    expectError(await a("DELETE", `${path}/exp_nope`), 404, "not_found");
  });
});

describe("PUT …/experiences/order", () => {
  it("sets the whole order at once", async () => {
    const { a, per, path } = await setup();
    const [A, B, C] = per.experiences.map((e: { id: string }) => e.id);
    const res = await a("PUT", `${path}/order`, { body: { experienceIds: [C, A, B], version: 1 } });
    expect(res.status, res.text).toBe(200);
    expect(names(res.json)).toEqual(["1:C", "2:A", "3:B"]);
    expect(res.json.version).toBe(2);
  });

  it.each<[string, (ids: string[]) => unknown[], string]>([
    ["an id missing", ([A, B]) => [A, B], "experienceIds"],
    ["an id twice", ([A, B, C]) => [A, B, C, A], "experienceIds.3"],
    ["an unknown id", ([A, B, C]) => [A, B, C, "exp_nope"], "experienceIds.3"],
    ["an empty list", () => [], "experienceIds"],
    ["a non-string id", ([A, B]) => [A, B, 3], "experienceIds.2"],
  ])("%s → 400 naming %s, nothing changed", async (_label, make, field) => {
    const { a, per, path } = await setup();
    const ids = per.experiences.map((e: { id: string }) => e.id);
    expectError(await a("PUT", `${path}/order`, { body: { experienceIds: make(ids) } }), 400, "validation_failed", field);
    const got = (await a("GET", `/personalizations/${per.id}`)).json;
    expect(names(got)).toEqual(["1:A", "2:B", "3:C"]);
    expect(got.version).toBe(1);
  });

  it("a stale version → 409", async () => {
    const { a, per, path } = await setup();
    const ids = per.experiences.map((e: { id: string }) => e.id).reverse();
    expectError(await a("PUT", `${path}/order`, { body: { experienceIds: ids, version: 5 } }), 409, "version_conflict");
  });
});

describe("POST …/experiences/{experienceId}/duplicate", () => {
  it("copies it right below the original", async () => {
    const { a, per, path } = await setup([
      { name: "A", payload: { p: "{{ attribute.user.plan }}" }, audience: { "user.plan": "pro" }, display: { frequency: "once_per_visit" }, schedule: { daysOfWeek: [1] } },
      { name: "B" },
    ]);
    const res = await a("POST", `${path}/${per.experiences[0].id}/duplicate`);
    expect(res.status, res.text).toBe(201);
    expect(res.json.version).toBe(2);
    expect(res.json.experience).toMatchObject({
      name: "A (copy)",
      priority: 2,
      payload: { p: "{{ attribute.user.plan }}" },
      audience: { "user.plan": "pro" },
      display: { frequency: "once_per_visit", devices: "all" },
      schedule: { daysOfWeek: [1] },
    });
    expect(res.json.experience.id).not.toBe(per.experiences[0].id);
    expect(names((await a("GET", `/personalizations/${per.id}`)).json)).toEqual(["1:A", "2:A (copy)", "3:B"]);
  });

  it("takes a name and a version", async () => {
    const { a, per, path } = await setup();
    const res = await a("POST", `${path}/${per.experiences[2].id}/duplicate`, { body: { name: "C again", version: 1 } });
    expect(res.json.experience).toMatchObject({ name: "C again", priority: 4 });
    expectError(await a("POST", `${path}/${per.experiences[2].id}/duplicate`, { body: { version: 1 } }), 409, "version_conflict");
    expectError(await a("POST", `${path}/exp_nope/duplicate`), 404, "not_found");
  });
});

describe("POST …/experiences/{experienceId}/template", () => {
  it("saves the payload as a new template, without touching the personalization", async () => {
    const { a, per, path } = await setup([{ name: "A", payload: { banner: "{{ attribute.user.first_name | default: 'there' }}" } }]);
    const res = await a("POST", `${path}/${per.experiences[0].id}/template`, { body: { name: "Banner", description: "from A" } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: "Banner", description: "from A", payload: { banner: "{{ attribute.user.first_name | default: 'there' }}" } });
    expect((await a("GET", `/templates/${res.json.id}`)).json).toEqual(res.json);
    expect((await a("GET", `/personalizations/${per.id}`)).json.version).toBe(1);
  });

  it("a taken name → 409 naming name; no name → 400", async () => {
    const { a, per, path } = await setup();
    await a("POST", "/templates", { body: { name: "Taken", payload: {} } });
    expectError(await a("POST", `${path}/${per.experiences[0].id}/template`, { body: { name: "Taken" } }), 409, "conflict", "name");
    expectError(await a("POST", `${path}/${per.experiences[0].id}/template`, { body: {} }), 400, "validation_failed", "name");
    expectError(await a("POST", `${path}/exp_nope/template`, { body: { name: "X" } }), 404, "not_found");
  });
});

describe("experience writes", () => {
  it("are audited on the personalization, flagged while running", async () => {
    const { p, a, per, path } = await setup([{ name: "A", audience: { $everyone: true } }]);
    await a("PATCH", `/personalizations/${per.id}`, { body: { version: 1, metrics: [{ event: "e", measure: "triggered", primary: true }] } });
    await a("POST", `/personalizations/${per.id}/start`);
    await a("PATCH", `${path}/${per.experiences[0].id}`, { body: { name: "A2" } });
    const rows = await p.ctx.handle.query<{ action: string; while_running: boolean; before: { experience: { name: string } }; after: { version: number; experience: { name: string } } }>(
      "select action, while_running, before, after from audit_log where entity_type = 'personalization' and entity_id = $1 and action = 'experience.update'",
      [per.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ while_running: true, before: { experience: { name: "A" } }, after: { version: 4, experience: { name: "A2" } } });
  });
});

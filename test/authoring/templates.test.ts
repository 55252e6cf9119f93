// Templates: CRUD, unique names, payloads checked like experiences'.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api, expectError } from "./api";

describe("templates", () => {
  it("create, list, read, edit, delete", async () => {
    const p = await createTestProject();
    const a = api(p);
    const created = await a("POST", "/templates", { body: { name: "Hero", payload: { title: "Hi {{ attribute.user.first_name | default: \"there\" }}" } } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ name: "Hero", description: null, payload: { title: 'Hi {{ attribute.user.first_name | default: "there" }}' } });
    expect(created.json.id).toMatch(/^tpl_/);
    await a("POST", "/templates", { body: { name: "Alpha", payload: [1, 2, 3] } });

    const list = await a("GET", "/templates");
    expect(list.status).toBe(200);
    expect(list.json.templates.map((t: { name: string }) => t.name)).toEqual(["Alpha", "Hero"]);

    expect((await a("GET", `/templates/${created.json.id}`)).json).toEqual(created.json);

    const edited = await a("PATCH", `/templates/${created.json.id}`, { body: { name: "Hero v2", description: "bigger" } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ name: "Hero v2", description: "bigger", payload: created.json.payload });

    expect((await a("DELETE", `/templates/${created.json.id}`)).status).toBe(204);
    expectError(await a("GET", `/templates/${created.json.id}`), 404, "not_found");
    const actions = await p.ctx.handle.query<{ action: string }>("select action from audit_log where entity_id = $1 order by id", [created.json.id]);
    expect(actions.map((r) => r.action)).toEqual(["template.create", "template.update", "template.delete"]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["no name", { payload: {} }, "name"],
    ["an empty name", { name: " ", payload: {} }, "name"],
    ["a Liquid error", { name: "T", payload: { x: { y: "{{ 'unclosed" } } }, "payload.x.y"],
    ["a payload over 64 KiB", { name: "T", payload: { x: "z".repeat(65_600) } }, "payload"],
    ["a description that is not a string", { name: "T", payload: {}, description: 4 }, "description"],
  ])("POST with %s → 400 naming %s", async (_label, body, field) => {
    const p = await createTestProject();
    expectError(await api(p)("POST", "/templates", { body }), 400, "validation_failed", field);
  });

  it("a name taken in the project → 409 naming name (another project may have it)", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const a = api(p);
    await a("POST", "/templates", { body: { name: "Same", payload: {} } });
    const second = await a("POST", "/templates", { body: { name: "Other", payload: {} } });
    expectError(await a("POST", "/templates", { body: { name: "Same", payload: {} } }), 409, "conflict", "name");
    expectError(await a("PATCH", `/templates/${second.json.id}`, { body: { name: "Same" } }), 409, "conflict", "name");
    expect((await api(other)("POST", "/templates", { body: { name: "Same", payload: {} } })).status).toBe(201);
  });

  it("PATCH with a Liquid error → 400; unknown or another project's → 404", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const a = api(p);
    const t = (await a("POST", "/templates", { body: { name: "T", payload: {} } })).json;
    expectError(await a("PATCH", `/templates/${t.id}`, { body: { payload: ["{% endif %}"] } }), 400, "validation_failed", "payload.0");
    expectError(await a("PATCH", "/templates/tpl_nope", { body: { name: "x" } }), 404, "not_found");
    expectError(await api(other)("GET", `/templates/${t.id}`), 404, "not_found");
    expectError(await api(other)("DELETE", `/templates/${t.id}`), 404, "not_found");
  });
});

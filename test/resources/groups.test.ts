// …/groups and …/groups/{groupId}: selector groups and their membership.
import { beforeEach, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/[orgName]/projects/[projectName]/groups/[groupId]/route";
import * as collection from "@/app/api/v1/[orgName]/projects/[projectName]/groups/route";
import { getDbHandle } from "@/db/connection";
import { onChange, type Change } from "@/lib/cache/change-bus";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError, insertPersonalization } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
});

const create = (body: unknown) => api(collection.POST, "/groups", { body });
const at = (groupId: string) => ({ params: { groupId } });

describe("groups: happy path", () => {
  it("creates a group with members, lists, reads it by id and by name", async () => {
    const a = await insertPersonalization(p, { name: "Welcome back", selector: "welcome-back", status: "running" });
    const b = await insertPersonalization(p, { name: "Annual upsell", selector: "annual-upsell" });
    const res = await create({ name: "homepage", description: "Above the fold", personalizationIds: [a.id, b.id, a.id] });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: "homepage", description: "Above the fold" });
    expect(res.json.id).toMatch(/^grp_/);
    // Members by name, each with id, name, selector and status; a repeated id counts once.
    expect(res.json.personalizations).toEqual([
      { id: b.id, name: "Annual upsell", selector: "annual-upsell", status: "draft" },
      { id: a.id, name: "Welcome back", selector: "welcome-back", status: "running" },
    ]);

    await create({ name: "checkout" });
    const list = await api(collection.GET, "/groups");
    expect(list.status).toBe(200);
    expect(list.json.groups.map((g: { name: string }) => g.name)).toEqual(["checkout", "homepage"]);
    expect(list.json.groups[0].personalizations).toEqual([]);
    expect(list.json.groups[1].personalizations).toHaveLength(2);

    const byId = await api(item.GET, `/groups/${res.json.id}`, at(res.json.id));
    expect(byId.status).toBe(200);
    expect(byId.json).toEqual(res.json);
    const byName = await api(item.GET, "/groups/homepage", at("homepage"));
    expect(byName.json.id).toBe(res.json.id);
  });

  it("renames, describes, and replaces the membership (assign and unassign)", async () => {
    const a = await insertPersonalization(p);
    const b = await insertPersonalization(p);
    const c = await insertPersonalization(p);
    const { json: group } = await create({ name: "hero", personalizationIds: [a.id, b.id] });

    const renamed = await api(item.PATCH, `/groups/${group.id}`, { ...at(group.id), method: "PATCH", body: { name: "hero-v2", description: "New" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "hero-v2", description: "New" });
    expect(renamed.json.personalizations.map((m: { id: string }) => m.id).sort()).toEqual([a.id, b.id].sort());

    const reassigned = await api(item.PATCH, `/groups/${group.id}`, { ...at(group.id), method: "PATCH", body: { personalizationIds: [b.id, c.id] } });
    expect(reassigned.status).toBe(200);
    expect(reassigned.json.name).toBe("hero-v2");
    expect(reassigned.json.personalizations.map((m: { id: string }) => m.id).sort()).toEqual([b.id, c.id].sort());

    const cleared = await api(item.PATCH, `/groups/${group.id}`, { ...at(group.id), method: "PATCH", body: { personalizationIds: [], description: null } });
    expect(cleared.json).toMatchObject({ personalizations: [], description: null });
  });

  it("a personalization can be in several groups", async () => {
    const a = await insertPersonalization(p);
    await create({ name: "one", personalizationIds: [a.id] });
    await create({ name: "two", personalizationIds: [a.id] });
    const list = await api(collection.GET, "/groups");
    expect(list.json.groups.map((g: { personalizations: unknown[] }) => g.personalizations.length)).toEqual([1, 1]);
  });

  it("deletes the group, not its personalizations", async () => {
    const a = await insertPersonalization(p);
    const { json: group } = await create({ name: "doomed", personalizationIds: [a.id] });
    const res = await api(item.DELETE, `/groups/${group.id}`, { ...at(group.id), method: "DELETE" });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expectError(await api(item.GET, `/groups/${group.id}`, at(group.id)), 404, "not_found", group.id);
    const handle = await getDbHandle();
    expect(await handle.query("select id from personalizations where id = $1", [a.id])).toHaveLength(1);
    expect(await handle.query("select 1 from selector_group_members where group_id = $1", [group.id])).toHaveLength(0);
  });

  it("audits every write, with whileRunning when a running personalization is touched", async () => {
    const running = await insertPersonalization(p, { status: "running" });
    const { json: group } = await create({ name: "audited" });
    await api(item.PATCH, `/groups/${group.id}`, { ...at(group.id), method: "PATCH", body: { personalizationIds: [running.id] } });
    await api(item.DELETE, `/groups/${group.id}`, { ...at(group.id), method: "DELETE" });
    const handle = await getDbHandle();
    const rows = await handle.query<{ action: string; while_running: boolean; actor_label: string; before: unknown; after: unknown }>(
      "select action, while_running, actor_label, before, after from audit_log where entity_id = $1 order by id",
      [group.id],
    );
    expect(rows.map((r) => [r.action, r.while_running])).toEqual([
      ["group.create", false],
      ["group.update", true],
      ["group.delete", true],
    ]);
    expect(rows[0].actor_label).toMatch(/^API key /);
    expect(rows[0].before).toBeNull();
    expect(rows[2].after).toBeNull();
  });

  it("tells every instance the project changed after a write", async () => {
    const handle = await getDbHandle();
    const seen: Change[] = [];
    const stop = await onChange(handle, (c) => seen.push(c));
    try {
      await create({ name: "notify" });
      for (let i = 0; i < 50 && !seen.some((c) => c.kind === "project" && c.projectId === p.ctx.project.id); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen).toContainEqual({ kind: "project", projectId: p.ctx.project.id });
    } finally {
      stop();
    }
  });
});

describe("groups: errors", () => {
  it.each([
    ["a space", "home page", "contains a space"],
    ["*", "home*", 'contains "*"'],
    [",", "a,b", 'contains ","'],
    ["/", "a/b", 'contains "/"'],
    ["+", "a+b", 'contains "+"'],
    ["=", "a=b", 'contains "="'],
    ["a dot", "a.b", 'contains "."'],
    ["an accent", "café", 'contains "é"'],
    ["empty", "", "must not be empty"],
  ])("a name with %s → 400 naming it", async (_label, name, message) => {
    expectError(await create({ name }), 400, "validation_failed", message, "name");
  });

  it.each([
    ["no name", {}, "name"],
    ["a number as name", { name: 7 }, "name"],
    ["a description too long", { name: "x", description: "d".repeat(2001) }, "description"],
    ["a NUL in the description", { name: "x", description: "a\u0000b" }, "description"],
    ["personalizationIds not a list", { name: "x", personalizationIds: "per_1" }, "personalizationIds"],
    ["an unknown field", { name: "x", members: [] }, "(body)"],
  ])("%s → 400 naming the field", async (_label, body, path) => {
    expectError(await create(body), 400, "validation_failed", undefined, path);
  });

  it("unknown personalization ids → 400 naming each, and nothing is created", async () => {
    const a = await insertPersonalization(p);
    const other = await createTestProject();
    const foreign = await insertPersonalization(other);
    const res = await create({ name: "bad", personalizationIds: [a.id, "per_nope", foreign.id] });
    expectError(res, 400, "validation_failed", '"per_nope"', "personalizationIds.1");
    expect(res.json.error.message).toContain(foreign.id);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(["personalizationIds.1", "personalizationIds.2"]);
    expect((await api(collection.GET, "/groups")).json.groups).toEqual([]);
  });

  it("unknown personalization ids on update → 400, membership unchanged", async () => {
    const a = await insertPersonalization(p);
    const { json: group } = await create({ name: "keep", personalizationIds: [a.id] });
    expectError(
      await api(item.PATCH, `/groups/${group.id}`, { ...at(group.id), method: "PATCH", body: { personalizationIds: ["per_ghost"] } }),
      400,
      "validation_failed",
      "per_ghost",
      "personalizationIds.0",
    );
    expect((await api(item.GET, `/groups/${group.id}`, at(group.id))).json.personalizations).toHaveLength(1);
  });

  it("a taken name → 409 naming it, on create and on rename", async () => {
    await create({ name: "taken" });
    const { json: other } = await create({ name: "free" });
    expectError(await create({ name: "taken" }), 409, "conflict", '"taken"', "name");
    expectError(
      await api(item.PATCH, `/groups/${other.id}`, { ...at(other.id), method: "PATCH", body: { name: "taken" } }),
      409,
      "conflict",
      '"taken"',
      "name",
    );
  });

  it("the same name in two projects is fine", async () => {
    const other = await createTestProject();
    expect((await create({ name: "shared" })).status).toBe(201);
    expect((await caller(other)(collection.POST, "/groups", { body: { name: "shared" } })).status).toBe(201);
  });

  it("an unknown group → 404; another project's group → 404", async () => {
    const other = await createTestProject();
    const { json: foreign } = await caller(other)(collection.POST, "/groups", { body: { name: "theirs" } });
    expectError(await api(item.GET, "/groups/nope", at("nope")), 404, "not_found", '"nope"');
    expectError(await api(item.GET, `/groups/${foreign.id}`, at(foreign.id)), 404, "not_found");
    expectError(await api(item.DELETE, `/groups/${foreign.id}`, { ...at(foreign.id), method: "DELETE" }), 404, "not_found");
  });

  it("not JSON → 415, malformed JSON → 400", async () => {
    expectError(await api(collection.POST, "/groups", { rawBody: "name=x", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    expectError(await api(collection.POST, "/groups", { rawBody: "{", headers: { "content-type": "application/json" } }), 400, "invalid_json");
  });
});

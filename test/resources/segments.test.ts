// …/segments and …/segments/{segmentId}: rule and static segments, references and cycles.
import { beforeEach, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/[orgName]/projects/[projectName]/segments/[segmentId]/route";
import * as collection from "@/app/api/v1/[orgName]/projects/[projectName]/segments/route";
import { getDbHandle } from "@/db/connection";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError, insertExperience, insertPersonalization } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
});

const create = (body: unknown) => api(collection.POST, "/segments", { body });
const rule = (key: string, condition: Record<string, unknown>) => create({ key, name: key, type: "rule", condition });
const patch = (ref: string, body: unknown) => api(item.PATCH, `/segments/${ref}`, { params: { segmentId: ref }, method: "PATCH", body });
const remove = (ref: string) => api(item.DELETE, `/segments/${ref}`, { params: { segmentId: ref }, method: "DELETE" });
const get = (ref: string) => api(item.GET, `/segments/${ref}`, { params: { segmentId: ref } });

describe("segments: happy path", () => {
  it("creates a rule segment and a static one, lists and reads them", async () => {
    const r = await create({ key: "pro-users", name: "Pro users", description: "Paying", type: "rule", condition: { "user.plan": "pro" } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      key: "pro-users",
      name: "Pro users",
      description: "Paying",
      type: "rule",
      condition: { "user.plan": "pro" },
      memberCount: null,
    });
    expect(r.json.id).toMatch(/^seg_/);
    const s = await create({ key: "beta-testers", name: "Beta testers", type: "static" });
    expect(s.status).toBe(201);
    expect(s.json).toMatchObject({ type: "static", condition: null, memberCount: 0, description: null });

    const list = await api(collection.GET, "/segments");
    expect(list.status).toBe(200);
    expect(list.json.segments.map((x: { key: string }) => x.key)).toEqual(["beta-testers", "pro-users"]);
    expect((await get(r.json.id)).json).toEqual(r.json);
    expect((await get("pro-users")).json.id).toBe(r.json.id);
  });

  it("a rule segment may use every extension and reference other segments", async () => {
    await create({ key: "vip", name: "VIP", type: "static" });
    const res = await rule("engaged-vip", {
      $and: [
        { $segment: "vip" },
        { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } },
        { $or: [{ "user.country": { $in: ["DE", "FR"] } }, { $everyone: true }] },
      ],
    });
    expect(res.status).toBe(201);
  });

  it("edits name, description and condition", async () => {
    const { json: seg } = await rule("edit-me", { "user.plan": "pro" });
    const res = await patch(seg.id, { name: "Edited", description: "now", condition: { "user.plan": { $in: ["pro", "team"] } } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Edited", description: "now", condition: { "user.plan": { $in: ["pro", "team"] } }, key: "edit-me" });
    expect(new Date(res.json.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(seg.updatedAt).getTime());
    const audit = await (await getDbHandle()).query<{ action: string }>("select action from audit_log where entity_id = $1 order by id", [seg.id]);
    expect(audit.map((a) => a.action)).toEqual(["segment.create", "segment.update"]);
  });

  it("renaming an unreferenced key carries test profiles along; deleting drops it from them", async () => {
    const { json: seg } = await create({ key: "old-key", name: "S", type: "static" });
    const handle = await getDbHandle();
    const [tp] = await handle.query<{ id: string }>(
      "insert into test_profiles (id, project_id, name, segments) values ('tpr_' || md5(random()::text), $1, 'Tester', array['other', 'old-key']) returning id",
      [p.ctx.project.id],
    );
    const renamed = await patch("old-key", { key: "new-key" });
    expect(renamed.status).toBe(200);
    expect(renamed.json.key).toBe("new-key");
    const [row] = await handle.query<{ segments: string[] }>("select segments from test_profiles where id = $1", [tp.id]);
    expect(row.segments).toEqual(["other", "new-key"]);
    expect((await remove(seg.id)).status).toBe(204);
    const [after] = await handle.query<{ segments: string[] }>("select segments from test_profiles where id = $1", [tp.id]);
    expect(after.segments).toEqual(["other"]);
  });

  it("deletes an unreferenced segment with its members", async () => {
    const { json: seg } = await create({ key: "gone", name: "Gone", type: "static" });
    const handle = await getDbHandle();
    await handle.query("insert into segment_members (project_id, segment_id, user_id) values ($1, $2, 'u1')", [p.ctx.project.id, seg.id]);
    expect((await remove("gone")).status).toBe(204);
    const [audit] = await handle.query<{ before: { key: string; memberCount: number } }>(
      "select before from audit_log where entity_id = $1 and action = 'segment.delete'",
      [seg.id],
    );
    expect(audit.before).toMatchObject({ key: "gone", memberCount: 1 });
    expectError(await get(seg.id), 404, "not_found", '"' + seg.id + '"');
    expect(await handle.query("select 1 from segment_members where segment_id = $1", [seg.id])).toHaveLength(0);
  });
});

describe("segments: references and cycles", () => {
  it("a segment referencing itself → 400 naming the cycle a → a", async () => {
    const res = await rule("a", { $or: [{ "user.x": 1 }, { $segment: "a" }] });
    expectError(res, 400, "validation_failed", "a → a", "condition");
  });

  it("a cycle through other segments → 400 naming it (a → b → c → a), and nothing changes", async () => {
    expect((await rule("a", { "user.plan": "pro" })).status).toBe(201);
    expect((await rule("b", { $segment: "a" })).status).toBe(201);
    expect((await rule("c", { $not: { $segment: "b" } })).status).toBe(201);
    const res = await patch("a", { condition: { $and: [{ "user.age": { $gt: 18 } }, { $segment: "c" }] } });
    expectError(res, 400, "validation_failed", "a → c → b → a", "condition");
    expect(res.json.error.details[0].cycle).toEqual(["a", "c", "b", "a"]);
    expect((await get("a")).json.condition).toEqual({ "user.plan": "pro" });
  });

  it("renaming a key another segment references → 409 naming the referrer", async () => {
    expectError(await rule("x", { $segment: "y" }), 400, "validation_failed", 'unknown segment "y"', "condition.$segment");
    expect((await rule("y", { "user.a": 1 })).status).toBe(201);
    expect((await rule("x", { $segment: "y" })).status).toBe(201);
    expectError(await patch("y", { key: "y2" }), 409, "conflict", 'segment "x"');
    expect((await get("y")).status).toBe(200);
  });

  it("a diamond (a → b, a → c, b → d, c → d) is not a cycle", async () => {
    await rule("d", { "user.k": 1 });
    await rule("b", { $segment: "d" });
    await rule("c", { $segment: "d" });
    expect((await rule("a", { $and: [{ $segment: "b" }, { $segment: "c" }] })).status).toBe(201);
  });

  it("deleting a segment another segment references → 409 naming the referrer", async () => {
    await create({ key: "base", name: "Base", type: "static" });
    await rule("derived", { $segment: "base" });
    const res = await remove("base");
    expectError(res, 409, "conflict", 'segment "derived"');
    expect(res.json.error.details.referrers).toEqual([expect.objectContaining({ type: "segment", key: "derived" })]);
    expect((await get("base")).status).toBe(200);
  });

  it("deleting a segment an experience audience references → 409 naming the experience and its personalization", async () => {
    await create({ key: "vip", name: "VIP", type: "static" });
    const per = await insertPersonalization(p, { name: "Welcome back" });
    await insertExperience(p, per.id, { name: "VIP banner", audience: { $and: [{ "user.plan": "pro" }, { $not: { $segment: "vip" } }] } });
    await insertExperience(p, per.id, { name: "Unrelated", audience: { $segment: "vipx" } });
    const res = await remove("vip");
    expectError(res, 409, "conflict", 'experience "VIP banner" of personalization "Welcome back"');
    expect(res.json.error.details.referrers).toEqual([
      { type: "experience", id: expect.any(String), name: "VIP banner", personalizationId: per.id, personalizationName: "Welcome back" },
    ]);
    expectError(await patch("vip", { key: "vip2" }), 409, "conflict", "VIP banner");
  });
});

describe("segments: errors", () => {
  it.each([
    ["a key with a space", "key", { key: "a b", name: "n", type: "static" }, "contains a space"],
    ["a key with a slash", "key", { key: "a/b", name: "n", type: "static" }, 'contains "/"'],
    ["no key", "key", { name: "n", type: "static" }, undefined],
    ["an empty name", "name", { key: "k", name: "  ", type: "static" }, "must not be empty"],
    ["no type", "type", { key: "k", name: "n" }, '"rule"'],
    ["an unknown type", "type", { key: "k", name: "n", type: "dynamic" }, '"static"'],
    ["a rule without a condition", "condition", { key: "k", name: "n", type: "rule" }, "needs a condition"],
    ["a static one with a condition", "condition", { key: "k", name: "n", type: "static", condition: { a: 1 } }, "static segment has no condition"],
    ["a condition that is not an object", "condition", { key: "k", name: "n", type: "rule", condition: [1] }, undefined],
    ["an unknown operator", "condition.user.a.$foo", { key: "k", name: "n", type: "rule", condition: { "user.a": { $foo: 1 } } }, "unknown operator $foo"],
    ["an unknown segment", "condition.$segment", { key: "k", name: "n", type: "rule", condition: { $segment: "ghost" } }, 'unknown segment "ghost"'],
    ["a bad regex", "condition.user.a.$regex", { key: "k", name: "n", type: "rule", condition: { "user.a": { $regex: "(" } } }, undefined],
    ["$everyone false", "condition.$everyone", { key: "k", name: "n", type: "rule", condition: { $everyone: false } }, undefined],
    ["a NUL in the condition", "condition.user.a", { key: "k", name: "n", type: "rule", condition: { "user.a": "x\u0000" } }, "NUL"],
  ])("%s → 400 naming %s", async (_label, path, body, message) => {
    expectError(await create(body), 400, "validation_failed", message, path);
  });

  it("a taken key → 409", async () => {
    await create({ key: "dup", name: "A", type: "static" });
    expectError(await create({ key: "dup", name: "B", type: "rule", condition: { a: 1 } }), 409, "conflict", '"dup"', "key");
    const { json: other } = await create({ key: "other", name: "O", type: "static" });
    expectError(await patch(other.id, { key: "dup" }), 409, "conflict", '"dup"', "key");
  });

  it("changing the type → 400; a condition for a static segment → 400", async () => {
    await create({ key: "st", name: "S", type: "static" });
    expectError(await patch("st", { type: "rule", condition: { a: 1 } }), 400, "validation_failed", "cannot change", "type");
    expectError(await patch("st", { condition: { a: 1 } }), 400, "validation_failed", "static", "condition");
    expect((await patch("st", { type: "static", name: "Same type is fine" })).status).toBe(200);
  });

  it("an invalid condition on update → 400 naming the path", async () => {
    await rule("r", { a: 1 });
    expectError(await patch("r", { condition: { $and: {} } }), 400, "validation_failed", "$and takes an array", "condition.$and");
  });

  it("unknown segment → 404", async () => {
    expectError(await get("nope"), 404, "not_found", '"nope"');
    expectError(await patch("nope", { name: "x" }), 404, "not_found");
    expectError(await remove("nope"), 404, "not_found");
  });
});

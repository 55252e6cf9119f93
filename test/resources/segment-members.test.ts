// …/segments/{segmentId}/members: user ids of a static segment, as JSON or as a streamed CSV upload.
import { beforeEach, describe, expect, it } from "vitest";
import * as members from "@/app/api/v1/[orgName]/projects/[projectName]/segments/[segmentId]/members/route";
import * as collection from "@/app/api/v1/[orgName]/projects/[projectName]/segments/route";
import { getDbHandle } from "@/db/connection";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;
let segmentId: string;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
  segmentId = (await api(collection.POST, "/segments", { body: { key: "list", name: "List", type: "static" } })).json.id;
});

const add = (body: unknown, ref = segmentId) => api(members.POST, `/segments/${ref}/members`, { params: { segmentId: ref }, body });
const del = (body: unknown, ref = segmentId) =>
  api(members.DELETE, `/segments/${ref}/members`, { params: { segmentId: ref }, method: "DELETE", body });
const csv = (text: string | Uint8Array, ref = segmentId, contentType = "text/csv; charset=utf-8") =>
  api(members.POST, `/segments/${ref}/members`, { params: { segmentId: ref }, method: "POST", rawBody: text, headers: { "content-type": contentType } });

async function memberIds(id = segmentId): Promise<string[]> {
  const rows = await (await getDbHandle()).query<{ user_id: string }>("select user_id from segment_members where segment_id = $1 order by user_id", [id]);
  return rows.map((r) => r.user_id);
}

describe("members as JSON", () => {
  it("adds, counts those already in, removes", async () => {
    const first = await add({ userIds: ["u1", "u2", "u3"] });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ added: 3, alreadyMembers: 0, total: 3 });
    const again = await add({ userIds: ["u3", "u4", "u4"] });
    expect(again.json).toEqual({ added: 1, alreadyMembers: 2, total: 4 });
    const removed = await del({ userIds: ["u1", "u4", "not-a-member"] });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ removed: 2, total: 2 });
    expect(await memberIds()).toEqual(["u2", "u3"]);
    const segment = await api(collection.GET, "/segments");
    expect(segment.json.segments[0].memberCount).toBe(2);
  });

  it("takes the segment's key as well as its id, and 10 000 ids in one request", async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `user-${i}-${"x".repeat(200)}`);
    const res = await add({ userIds: ids }, "list");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ added: 10_000, alreadyMembers: 0, total: 10_000 });
  });

  it("audits adds and removes with counts", async () => {
    await add({ userIds: ["a", "b"] });
    await del({ userIds: ["a"] });
    const rows = await (await getDbHandle()).query<{ action: string; before: unknown; after: unknown }>(
      "select action, before, after from audit_log where entity_id = $1 and action like 'segment.members.%' order by id",
      [segmentId],
    );
    expect(rows).toEqual([
      { action: "segment.members.add", before: { memberCount: 0 }, after: { memberCount: 2, added: 2, userIds: ["a", "b"] } },
      { action: "segment.members.remove", before: { memberCount: 2 }, after: { memberCount: 1, removed: 1, userIds: ["a"] } },
    ]);
  });

  it.each([
    ["no userIds", "userIds", {}, undefined],
    ["an empty list", "userIds", { userIds: [] }, "at least one"],
    ["an empty id", "userIds.1", { userIds: ["ok", ""] }, "must not be empty"],
    ["an id over 256 characters", "userIds.0", { userIds: ["x".repeat(257)] }, "256"],
    ["a control character", "userIds.0", { userIds: ["a\u0000b"] }, "NUL character"],
    ["a number", "userIds.0", { userIds: [42] }, undefined],
    ["10 001 ids", "userIds", { userIds: Array.from({ length: 10_001 }, (_, i) => `u${i}`) }, "text/csv"],
  ])("%s → 400 naming %s", async (_label, path, body, message) => {
    expectError(await add(body), 400, "validation_failed", message, path);
    expect(await memberIds()).toEqual([]);
  });

  it("a rule segment has no members → 400", async () => {
    const rule = await api(collection.POST, "/segments", { body: { key: "r", name: "R", type: "rule", condition: { a: 1 } } });
    expectError(await add({ userIds: ["u1"] }, rule.json.id), 400, "bad_request", "rule segment", "type");
    expectError(await del({ userIds: ["u1"] }, rule.json.id), 400, "bad_request", "rule segment");
    expectError(await csv("u1\n", rule.json.id), 400, "bad_request", "rule segment");
  });

  it("an unknown segment → 404", async () => {
    expectError(await add({ userIds: ["u1"] }, "nope"), 404, "not_found", '"nope"');
    expectError(await csv("u1\n", "nope"), 404, "not_found");
  });

  it("another content type → 415 naming both accepted ones", async () => {
    expectError(await csv("u1\n", segmentId, "text/plain"), 415, "unsupported_media_type", "text/csv");
  });
});

describe("members as CSV", () => {
  it("reads a header, quoted values, blank lines, CRLF and a BOM", async () => {
    const text = '\uFEFFuserId\r\nu1\r\n\r\n  u2  \r\n"u,3"\r\n" spaced "\r\n"say ""hi"""\r\nu1\r\nlast';
    const res = await csv(text);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ added: 6, alreadyMembers: 1, total: 6 });
    expect(await memberIds()).toEqual([" spaced ", "last", 'say "hi"', "u,3", "u1", "u2"]);
  });

  it("`user_id` is a header too; a trailing empty column is fine", async () => {
    const res = await csv("user_id\nalpha,\nbeta\n");
    expect(res.json).toEqual({ added: 2, alreadyMembers: 0, total: 2 });
  });

  it.each([
    ["a row with two columns", "u1\nu2,u3\nu4\n", "line 2", "one column"],
    ["an id over 256 characters", `u1\nu2\n${"x".repeat(257)}\n`, "line 3", "256"],
    ["a control character", "u1\nbad\u0001id\n", "line 2", "control"],
    ["an unclosed quote", 'u1\n"u2\nu3\n', "line", "Quote"],
    ["a quote inside a value", 'u1\nu"2"\n', "line 2", "Quote"],
  ])("%s → 400 naming the line, and nothing is added", async (_label, text, path, message) => {
    await add({ userIds: ["existing"] });
    const res = await csv(text);
    expectError(res, 400, "validation_failed", message);
    expect(res.json.error.details[0].path).toMatch(new RegExp(`^${path}`));
    expect(res.json.error.message).toContain(path);
    expect(await memberIds()).toEqual(["existing"]);
  });

  it("an empty file, or a header alone → 400", async () => {
    expectError(await csv(""), 400, "validation_failed", "no user ids");
    expectError(await csv("userId\n\n"), 400, "validation_failed", "no user ids");
  });

  it("a body over 20 MiB → 413, and nothing is added", async () => {
    // Blank lines: parsed and skipped, so the limit is what stops the upload.
    const res = await csv(new Uint8Array(20 * 1024 * 1024 + 1).fill(10));
    expectError(res, 413, "payload_too_large", "20 MiB");
    expect(await memberIds()).toEqual([]);
  });

  it("100 000 ids stream in; the same file again adds none", async () => {
    const lines = ["userId"];
    for (let i = 0; i < 100_000; i++) lines.push(`customer-${String(i).padStart(6, "0")}@example.com`);
    const file = new TextEncoder().encode(lines.join("\n") + "\n");

    let started = performance.now();
    const first = await csv(file);
    const firstMs = performance.now() - started;
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ added: 100_000, alreadyMembers: 0, total: 100_000 });

    started = performance.now();
    const second = await csv(file);
    const secondMs = performance.now() - started;
    expect(second.json).toEqual({ added: 0, alreadyMembers: 100_000, total: 100_000 });
    console.info(`CSV of 100 000 ids (${(file.byteLength / 1024 / 1024).toFixed(1)} MiB): first upload ${Math.round(firstMs)} ms, second ${Math.round(secondMs)} ms`);
  }, 120_000);
});

// track (SPEC §6.2): all or nothing, idempotent eventIds, identity writes, catalogs, 202 after commit.
import { describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/connection";
import { createTestProject, type TestProject } from "../support/fixtures";
import { profileIdOf, rows, track } from "./seed";

const now = Date.now();
const item = (extra: Record<string, unknown> = {}) => ({ eventId: crypto.randomUUID(), timestamp: now, profileId: "anon-1", ...extra });

async function count(p: TestProject, table: string): Promise<number> {
  return (await rows<{ n: number }>(p, `select count(*)::int as n from ${table} where project_id = $1`))[0].n;
}

describe("track: batches", () => {
  it("stores events and answers 202 { accepted, duplicates }", async () => {
    const p = await createTestProject();
    const res = await track(p, {
      track: [
        { name: "page_view", payload: [item({ data: { path: "/" }, sessionId: "s-1" }), item({ data: { path: "/pricing" } })] },
        { name: "purchase", payload: [item({ userId: "u-42", accountId: "acme", data: { amount: 30, items: [1, 2] } })] },
      ],
    });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toEqual({ accepted: 3, duplicates: 0 });
    const events = await rows<{ name: string; properties: unknown; session_id: string | null; occurred_at: Date }>(
      p,
      "select name, properties, session_id, occurred_at from events where project_id = $1 order by id",
    );
    expect(events.map((e) => e.name)).toEqual(["page_view", "page_view", "purchase"]);
    expect(events[0]).toMatchObject({ properties: { path: "/" }, session_id: "s-1" });
    expect(new Date(events[0].occurred_at).getTime()).toBe(now);
    // The anonymous visitor and the user are one profile now.
    expect(await count(p, "profiles")).toBe(1);
    const [profile] = await rows<{ user_id: string; account_id: string; visit_id: string }>(p, "select user_id, account_id, visit_id from profiles where project_id = $1");
    expect(profile).toMatchObject({ user_id: "u-42", account_id: "acme", visit_id: "s-1" });
  });

  it("one bad item: 400 naming each bad item by index, and nothing stored", async () => {
    const p = await createTestProject();
    const payload = [item(), item(), item(), item({ timestamp: "yesterday" })];
    const res = await track(p, { track: [{ name: "ok", payload: [item()] }, { name: "page_view", payload }, { name: "", payload: [item({ profileId: undefined })] }] });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = (res.json.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toContain("track.1.payload.3.timestamp");
    expect(paths).toContain("track.2.name");
    expect(paths).toContain("track.2.payload.0.profileId");
    for (const table of ["events", "profiles", "profile_ids", "catalog_events", "catalog_attributes"]) expect(await count(p, table)).toBe(0);
  });

  it("a retried eventId is stored once, also when repeated within a batch", async () => {
    const p = await createTestProject();
    const first = item({ eventId: "evt-1", data: { amount: 1 } });
    const a = await track(p, { track: [{ name: "purchase", payload: [first, item({ eventId: "evt-1", data: { amount: 2 } }), item({ eventId: "evt-2" })] }] });
    expect(a.json).toEqual({ accepted: 2, duplicates: 1 });
    const b = await track(p, { track: [{ name: "purchase", payload: [first, item({ eventId: "evt-3" })] }] });
    expect(b.json).toEqual({ accepted: 1, duplicates: 1 });
    const stored = await rows<{ event_id: string; properties: { amount?: number } }>(p, "select event_id, properties from events where project_id = $1 order by event_id");
    expect(stored.map((e) => e.event_id)).toEqual(["evt-1", "evt-2", "evt-3"]);
    expect(stored[0].properties).toEqual({ amount: 1 });
    const [catalog] = await rows<{ count: number }>(p, "select count from catalog_events where project_id = $1 and name = 'purchase'");
    expect(Number(catalog.count)).toBe(3);
  });

  it("holds at most 1 000 items", async () => {
    const p = await createTestProject();
    const res = await track(p, { track: [{ name: "a", payload: Array.from({ length: 600 }, () => item()) }, { name: "b", payload: Array.from({ length: 401 }, () => item()) }] });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain("track");
    const ok = await track(p, { track: [{ name: "a", payload: Array.from({ length: 1000 }, (_, i) => item({ profileId: `v-${i % 50}` })) }] });
    expect(ok.status, ok.text).toBe(202);
    expect(ok.json).toEqual({ accepted: 1000, duplicates: 0 });
    expect(await count(p, "profiles")).toBe(50);
  });

  it("answers 202 only after the commit: a batch whose commit fails is not acknowledged and leaves nothing", async () => {
    const p = await createTestProject();
    const handle = await getDbHandle();
    const fn = `fail_commit_${p.ctx.project.id.toLowerCase()}`;
    await handle.query(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'refused at commit'; end $$`);
    await handle.query(
      `create constraint trigger ${fn} after insert on events deferrable initially deferred for each row when (new.project_id = '${p.ctx.project.id}') execute function ${fn}()`,
    );
    try {
      const res = await track(p, { track: [{ name: "purchase", payload: [item({ userAttributes: { plan: "pro" } })] }] });
      expect(res.status).toBe(500);
      expect(res.json.error.message).not.toContain("refused");
      for (const table of ["events", "profiles", "catalog_events"]) expect(await count(p, table)).toBe(0);
    } finally {
      await handle.query(`drop trigger ${fn} on events`);
      await handle.query(`drop function ${fn}()`);
    }
    const res = await track(p, { track: [{ name: "purchase", payload: [item()] }] });
    expect(res.status).toBe(202);
    // Visible to anyone the moment the 202 arrives.
    expect(await count(p, "events")).toBe(1);
  });
});

describe("track: identity writes", () => {
  it("Identify deep-merges user and account attributes; null removes a key; events merge userAttributes too", async () => {
    const p = await createTestProject();
    const identify = (extra: Record<string, unknown>) => track(p, { track: [{ name: "Identify", payload: [item({ userId: "u-1", ...extra })] }] });
    expect((await identify({ userAttributes: { plan: "free", address: { city: "Berlin", zip: "10115" }, tags: ["a"] }, accountAttributes: { tier: "gold" } })).status).toBe(202);
    await identify({ userAttributes: { plan: "pro", address: { zip: null }, tags: ["b"] } });
    await track(p, { track: [{ name: "purchase", payload: [item({ userId: "u-1", userAttributes: { buyer: true } })] }] });
    const [profile] = await rows<{ attributes: unknown; account_attributes: unknown }>(p, "select attributes, account_attributes from profiles where project_id = $1");
    expect(profile.attributes).toEqual({ plan: "pro", address: { city: "Berlin" }, tags: ["b"], buyer: true });
    expect(profile.account_attributes).toEqual({ tier: "gold" });
    // Identify is not an event in the catalog; its attributes are.
    const names = await rows<{ name: string }>(p, "select name from catalog_events where project_id = $1");
    expect(names.map((n) => n.name)).toEqual(["purchase"]);
    const paths = await rows<{ path: string; type: string }>(p, "select path, type from catalog_attributes where project_id = $1 order by path");
    expect(paths).toEqual([
      { path: "account.tier", type: "string" },
      { path: "user.address", type: "object" },
      { path: "user.address.city", type: "string" },
      { path: "user.address.zip", type: "string" },
      { path: "user.buyer", type: "boolean" },
      { path: "user.plan", type: "string" },
      { path: "user.tags", type: "array" },
    ]);
  });

  it("a retried Identify is applied once", async () => {
    const p = await createTestProject();
    const retried = item({ userId: "u-1", userAttributes: { plan: "free" } });
    await track(p, { track: [{ name: "Identify", payload: [retried] }] });
    await track(p, { track: [{ name: "Identify", payload: [item({ userId: "u-1", userAttributes: { plan: "pro" } })] }] });
    const again = await track(p, { track: [{ name: "Identify", payload: [retried] }] });
    expect(again.json).toEqual({ accepted: 0, duplicates: 1 });
    const [profile] = await rows<{ attributes: unknown }>(p, "select attributes from profiles where project_id = $1");
    expect(profile.attributes).toEqual({ plan: "pro" });
  });

  it("Identify with anotherUserId merges the two users' profiles into the current one", async () => {
    const p = await createTestProject();
    await track(p, { track: [{ name: "page_view", payload: [item({ profileId: undefined, userId: "old-id", userAttributes: { plan: "free", since: 2020 } })] }] });
    await track(p, { track: [{ name: "page_view", payload: [item({ profileId: undefined, userId: "u-42", userAttributes: { plan: "pro" } })] }] });
    const old = await profileIdOf(p, { userId: "old-id" });
    const current = await profileIdOf(p, { userId: "u-42" });
    expect(old).not.toBe(current);
    const res = await track(p, { track: [{ name: "Identify", payload: [item({ profileId: undefined, userId: "u-42", anotherUserId: "old-id" })] }] });
    expect(res.status, res.text).toBe(202);
    expect(await profileIdOf(p, { userId: "old-id" })).toBe(current);
    const profiles = await rows<{ id: string; merged_into_id: string | null; attributes: unknown }>(p, "select id, merged_into_id, attributes from profiles where project_id = $1 order by merged_into_id nulls first");
    expect(profiles).toEqual([
      { id: current, merged_into_id: null, attributes: { plan: "pro", since: 2020 } },
      { id: old, merged_into_id: current, attributes: { plan: "free", since: 2020 } },
    ]);
    expect(await rows(p, "select distinct profile_id from events where project_id = $1")).toEqual([{ profile_id: current }]);
    // Later events under the old user id land on the survivor.
    await track(p, { track: [{ name: "late", payload: [item({ profileId: undefined, userId: "old-id" })] }] });
    expect(await rows(p, "select distinct profile_id from events where project_id = $1")).toEqual([{ profile_id: current }]);
  });

  it("anotherUserId never seen before: later calls with it land on the current profile", async () => {
    const p = await createTestProject();
    await track(p, { track: [{ name: "Identify", payload: [item({ profileId: undefined, userId: "new", anotherUserId: "legacy" })] }] });
    const current = await profileIdOf(p, { userId: "new" });
    await track(p, { track: [{ name: "late", payload: [item({ profileId: undefined, userId: "legacy" })] }] });
    expect(await rows(p, "select distinct profile_id from events where project_id = $1 and name = 'late'")).toEqual([{ profile_id: current }]);
  });
});

describe("track: sources", () => {
  it("…/sources/{sourceId}/track takes the key's own source and stamps it on profiles; another source is a 403", async () => {
    const p = await createTestProject();
    const [source] = await rows<{ id: number }>(p, "select id from sources where project_id = $1 and name = 'track'");
    const ok = await track(p, { track: [{ name: "x", payload: [item()] }] }, { sourceId: source.id });
    expect(ok.status, ok.text).toBe(202);
    const [profile] = await rows<{ source_id: number }>(p, "select source_id from profiles where project_id = $1");
    expect(profile.source_id).toBe(source.id);
    const other = await track(p, { track: [{ name: "x", payload: [item()] }] }, { sourceId: source.id + 1 });
    expect(other.status).toBe(403);
    const bad = await track(p, { track: [{ name: "x", payload: [item()] }] }, { sourceId: "abc" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("sourceId");
  });
});

// …/catalog/events and …/catalog/attributes: what track has seen (rows inserted directly here).
import { beforeEach, describe, expect, it } from "vitest";
import * as attributes from "@/app/api/v1/[orgName]/projects/[projectName]/catalog/attributes/route";
import * as events from "@/app/api/v1/[orgName]/projects/[projectName]/catalog/events/route";
import { getDbHandle } from "@/db/connection";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

const first = new Date("2026-01-01T00:00:00Z");
const last = new Date("2026-02-01T00:00:00Z");

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
  const handle = await getDbHandle();
  for (const [name, count] of [["purchase", 12], ["page_view", 340], ["Purchase_Refund", 2], ["50%_off", 1], ["5x_bonus", 1]] as const) {
    await handle.query("insert into catalog_events (project_id, name, count, first_seen_at, last_seen_at) values ($1, $2, $3, $4, $5)", [
      p.ctx.project.id,
      name,
      count,
      first,
      last,
    ]);
  }
  for (const [path, type] of [["user.plan", "string"], ["user.age", "number"], ["account.tier", "string"], ["properties.amount", "number"]] as const) {
    await handle.query("insert into catalog_attributes (project_id, path, type, last_seen_at) values ($1, $2, $3, $4)", [p.ctx.project.id, path, type, last]);
  }
});

describe("catalog/events", () => {
  it("lists names by name, with count and first/last seen", async () => {
    const res = await api(events.GET, "/catalog/events");
    expect(res.status).toBe(200);
    expect(res.json.events.map((e: { name: string }) => e.name)).toEqual(["50%_off", "5x_bonus", "page_view", "purchase", "Purchase_Refund"]);
    expect(res.json.events.find((e: { name: string }) => e.name === "purchase")).toEqual({
      name: "purchase",
      count: 12,
      firstSeenAt: first.toISOString(),
      lastSeenAt: last.toISOString(),
    });
    expect(res.json.hasMore).toBe(false);
  });

  it("filters by a case-insensitive prefix, taking % and _ literally", async () => {
    const pur = await api(events.GET, "/catalog/events?q=PUR");
    expect(pur.json.events.map((e: { name: string }) => e.name)).toEqual(["purchase", "Purchase_Refund"]);
    const pct = await api(events.GET, `/catalog/events?q=${encodeURIComponent("5%")}`);
    expect(pct.json.events.map((e: { name: string }) => e.name)).toEqual([]);
    const pct2 = await api(events.GET, `/catalog/events?q=${encodeURIComponent("50%")}`);
    expect(pct2.json.events.map((e: { name: string }) => e.name)).toEqual(["50%_off"]);
    const underscore = await api(events.GET, "/catalog/events?q=purchase_");
    expect(underscore.json.events.map((e: { name: string }) => e.name)).toEqual(["Purchase_Refund"]);
  });

  it("cuts at limit and says there is more", async () => {
    const res = await api(events.GET, "/catalog/events?limit=2");
    expect(res.json.events).toHaveLength(2);
    expect(res.json.hasMore).toBe(true);
  });

  it("does not show another project's names", async () => {
    const other = await createTestProject();
    expect((await caller(other)(events.GET, "/catalog/events")).json.events).toEqual([]);
  });

  it.each([
    ["limit=0", "must be at least 1"],
    ["limit=1001", "at most 1000"],
    ["limit=abc", "must be a number"],
    [`q=${"x".repeat(201)}`, "200"],
  ])("?%s → 400 naming the field", async (query, message) => {
    expectError(await api(events.GET, `/catalog/events?${query}`), 400, "validation_failed", message, query.split("=")[0]);
  });
});

describe("catalog/attributes", () => {
  it("lists paths by path with their type; filters by prefix", async () => {
    const res = await api(attributes.GET, "/catalog/attributes");
    expect(res.status).toBe(200);
    expect(res.json.attributes).toEqual([
      { path: "account.tier", type: "string", lastSeenAt: last.toISOString() },
      { path: "properties.amount", type: "number", lastSeenAt: last.toISOString() },
      { path: "user.age", type: "number", lastSeenAt: last.toISOString() },
      { path: "user.plan", type: "string", lastSeenAt: last.toISOString() },
    ]);
    const user = await api(attributes.GET, "/catalog/attributes?q=user.");
    expect(user.json.attributes.map((a: { path: string }) => a.path)).toEqual(["user.age", "user.plan"]);
  });

  it("?limit=0 → 400", async () => {
    expectError(await api(attributes.GET, "/catalog/attributes?limit=0"), 400, "validation_failed", undefined, "limit");
  });
});

// …/audit: the project's audit log, newest first, filtered and paged.
import { beforeEach, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/[orgName]/projects/[projectName]/audit/route";
import * as groupItem from "@/app/api/v1/[orgName]/projects/[projectName]/groups/[groupId]/route";
import * as groups from "@/app/api/v1/[orgName]/projects/[projectName]/groups/route";
import * as segments from "@/app/api/v1/[orgName]/projects/[projectName]/segments/route";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
});

type Entry = { id: number; action: string; entity: { type: string; id: string }; actor: { type: string; id: string | null; label: string | null }; before: unknown; after: unknown; whileRunning: boolean; createdAt: string };

describe("audit", () => {
  it("lists the project's changes newest first, with actor, action, entity, before and after", async () => {
    const { json: group } = await api(groups.POST, "/groups", { body: { name: "first" } });
    await api(groupItem.PATCH, `/groups/${group.id}`, { params: { groupId: group.id }, method: "PATCH", body: { name: "second" } });
    const res = await api(audit.GET, "/audit");
    expect(res.status).toBe(200);
    const entries = res.json.entries as Entry[];
    // The fixture's own API keys come first in time (source.create), so the newest are the group's.
    expect(entries.slice(0, 2).map((e) => e.action)).toEqual(["group.update", "group.create"]);
    const [update] = entries;
    expect(update).toMatchObject({
      entity: { type: "group", id: group.id },
      actor: { type: "key", label: expect.stringMatching(/^API key /) },
      whileRunning: false,
      before: expect.objectContaining({ name: "first" }),
      after: expect.objectContaining({ name: "second" }),
    });
    expect(Date.parse(update.createdAt)).not.toBeNaN();
    expect(entries.map((e) => e.action)).toContain("source.create");
    expect(res.json.nextBefore).toBeNull();
  });

  it("filters by entity type and by id", async () => {
    const { json: group } = await api(groups.POST, "/groups", { body: { name: "g1" } });
    await api(groups.POST, "/groups", { body: { name: "g2" } });
    await api(segments.POST, "/segments", { body: { key: "s1", name: "S", type: "static" } });
    const byType = await api(audit.GET, "/audit?entity=group");
    expect(byType.json.entries.map((e: Entry) => e.action)).toEqual(["group.create", "group.create"]);
    const byId = await api(audit.GET, `/audit?entity=group&id=${group.id}`);
    expect(byId.json.entries).toHaveLength(1);
    expect(byId.json.entries[0].after.name).toBe("g1");
    const idOnly = await api(audit.GET, `/audit?id=${group.id}`);
    expect(idOnly.json.entries).toHaveLength(1);
    expect((await api(audit.GET, "/audit?entity=segment")).json.entries).toHaveLength(1);
  });

  it("pages with limit and before, without gaps or repeats", async () => {
    for (let i = 0; i < 5; i++) await api(groups.POST, "/groups", { body: { name: `page-${i}` } });
    const seen: string[] = [];
    let before: number | null = null;
    for (let page = 0; page < 5; page++) {
      const res = await api(audit.GET, `/audit?entity=group&limit=2${before ? `&before=${before}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.entries.map((e: Entry) => e.after && (e.after as { name: string }).name));
      before = res.json.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual(["page-4", "page-3", "page-2", "page-1", "page-0"]);
  });

  it("does not show another project's entries", async () => {
    const other = await createTestProject();
    await caller(other)(groups.POST, "/groups", { body: { name: "theirs" } });
    expect((await api(audit.GET, "/audit?entity=group")).json.entries).toEqual([]);
  });

  it.each([
    ["limit=0", "limit", "at least 1"],
    ["limit=201", "limit", "at most 200"],
    ["limit=ten", "limit", "number"],
    ["before=-1", "before", "positive"],
    ["before=abc", "before", "number"],
    ["entity=", "entity", "must not be empty"],
  ])("?%s → 400 naming %s", async (query, path, message) => {
    expectError(await api(audit.GET, `/audit?${query}`), 400, "validation_failed", message, path);
  });
});

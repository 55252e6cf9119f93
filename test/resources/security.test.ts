// Every resource route: no credential → 401, another project's key → 403, a key without `manage` → 403,
// and nothing is written when a request is refused.
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/[orgName]/projects/[projectName]/audit/route";
import * as catalogAttributes from "@/app/api/v1/[orgName]/projects/[projectName]/catalog/attributes/route";
import * as catalogEvents from "@/app/api/v1/[orgName]/projects/[projectName]/catalog/events/route";
import * as groupItem from "@/app/api/v1/[orgName]/projects/[projectName]/groups/[groupId]/route";
import * as groups from "@/app/api/v1/[orgName]/projects/[projectName]/groups/route";
import * as profiles from "@/app/api/v1/[orgName]/projects/[projectName]/profiles/route";
import * as members from "@/app/api/v1/[orgName]/projects/[projectName]/segments/[segmentId]/members/route";
import * as segmentItem from "@/app/api/v1/[orgName]/projects/[projectName]/segments/[segmentId]/route";
import * as segments from "@/app/api/v1/[orgName]/projects/[projectName]/segments/route";
import * as testProfileItem from "@/app/api/v1/[orgName]/projects/[projectName]/test-profiles/[testProfileId]/route";
import * as testProfiles from "@/app/api/v1/[orgName]/projects/[projectName]/test-profiles/route";
import { getDbHandle } from "@/db/connection";
import { createTestProject, type TestProject } from "../support/fixtures";
import { call } from "../support/http";
import { expectError } from "./helpers";

let p: TestProject;
let other: TestProject;
let ids: { group: string; segment: string; testProfile: string };

beforeAll(async () => {
  p = await createTestProject();
  other = await createTestProject();
  const base = { orgName: p.org, projectName: p.project };
  const post = (handler: Parameters<typeof call>[0], sub: string, body: unknown) =>
    call(handler, { path: `${p.base}${sub}`, params: base, body, key: p.keys.manage });
  ids = {
    group: (await post(groups.POST, "/groups", { name: "g" })).json.id,
    segment: (await post(segments.POST, "/segments", { key: "s", name: "S", type: "static" })).json.id,
    testProfile: (await post(testProfiles.POST, "/test-profiles", { name: "T" })).json.id,
  };
});

type Handler = Parameters<typeof call>[0];
type Case = { label: string; handler: () => Handler; sub: () => string; params?: () => Record<string, string>; body?: unknown; csv?: string };

const cases: Case[] = [
  { label: "GET groups", handler: () => groups.GET, sub: () => "/groups" },
  { label: "POST groups", handler: () => groups.POST, sub: () => "/groups", body: { name: "new" } },
  { label: "GET groups/{id}", handler: () => groupItem.GET, sub: () => `/groups/${ids.group}`, params: () => ({ groupId: ids.group }) },
  { label: "PATCH groups/{id}", handler: () => groupItem.PATCH, sub: () => `/groups/${ids.group}`, params: () => ({ groupId: ids.group }), body: { name: "x" } },
  { label: "DELETE groups/{id}", handler: () => groupItem.DELETE, sub: () => `/groups/${ids.group}`, params: () => ({ groupId: ids.group }) },
  { label: "GET segments", handler: () => segments.GET, sub: () => "/segments" },
  { label: "POST segments", handler: () => segments.POST, sub: () => "/segments", body: { key: "n", name: "N", type: "static" } },
  { label: "GET segments/{id}", handler: () => segmentItem.GET, sub: () => `/segments/${ids.segment}`, params: () => ({ segmentId: ids.segment }) },
  { label: "PATCH segments/{id}", handler: () => segmentItem.PATCH, sub: () => `/segments/${ids.segment}`, params: () => ({ segmentId: ids.segment }), body: { name: "x" } },
  { label: "DELETE segments/{id}", handler: () => segmentItem.DELETE, sub: () => `/segments/${ids.segment}`, params: () => ({ segmentId: ids.segment }) },
  { label: "POST segments/{id}/members (JSON)", handler: () => members.POST, sub: () => `/segments/${ids.segment}/members`, params: () => ({ segmentId: ids.segment }), body: { userIds: ["u"] } },
  { label: "POST segments/{id}/members (CSV)", handler: () => members.POST, sub: () => `/segments/${ids.segment}/members`, params: () => ({ segmentId: ids.segment }), csv: "u1\nu2\n" },
  { label: "DELETE segments/{id}/members", handler: () => members.DELETE, sub: () => `/segments/${ids.segment}/members`, params: () => ({ segmentId: ids.segment }), body: { userIds: ["u"] } },
  { label: "GET test-profiles", handler: () => testProfiles.GET, sub: () => "/test-profiles" },
  { label: "POST test-profiles", handler: () => testProfiles.POST, sub: () => "/test-profiles", body: { name: "New" } },
  { label: "GET test-profiles/{id}", handler: () => testProfileItem.GET, sub: () => `/test-profiles/${ids.testProfile}`, params: () => ({ testProfileId: ids.testProfile }) },
  { label: "PATCH test-profiles/{id}", handler: () => testProfileItem.PATCH, sub: () => `/test-profiles/${ids.testProfile}`, params: () => ({ testProfileId: ids.testProfile }), body: { name: "x" } },
  { label: "DELETE test-profiles/{id}", handler: () => testProfileItem.DELETE, sub: () => `/test-profiles/${ids.testProfile}`, params: () => ({ testProfileId: ids.testProfile }) },
  { label: "GET profiles", handler: () => profiles.GET, sub: () => "/profiles?userId=u" },
  { label: "GET catalog/events", handler: () => catalogEvents.GET, sub: () => "/catalog/events" },
  { label: "GET catalog/attributes", handler: () => catalogAttributes.GET, sub: () => "/catalog/attributes" },
  { label: "GET audit", handler: () => audit.GET, sub: () => "/audit" },
];

function send(c: Case, key: string | undefined) {
  const label = c.label.split(" ")[0];
  return call(c.handler(), {
    method: label,
    path: `${p.base}${c.sub()}`,
    params: { orgName: p.org, projectName: p.project, ...c.params?.() },
    key,
    ...(c.csv !== undefined ? { rawBody: c.csv, headers: { "content-type": "text/csv" } } : c.body !== undefined ? { body: c.body } : {}),
  });
}

async function auditCount(): Promise<number> {
  const [row] = await (await getDbHandle()).query<{ n: number }>("select cast(count(*) as integer) as n from audit_log where project_id = $1", [p.ctx.project.id]);
  return Number(row.n);
}

describe.each(cases)("$label", (c) => {
  it("no credential → 401", async () => {
    const res = await send(c, undefined);
    expectError(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toContain("Basic");
  });

  it("another project's key → 403", async () => {
    const before = await auditCount();
    expectError(await send(c, other.keys.manage), 403, "forbidden", "another project");
    expect(await auditCount()).toBe(before);
  });

  it("a key without the manage scope → 403", async () => {
    const before = await auditCount();
    expectError(await send(c, p.keys.decide), 403, "forbidden", '"manage" scope');
    expectError(await send(c, p.keys.track), 403, "forbidden", '"manage" scope');
    expect(await auditCount()).toBe(before);
  });
});

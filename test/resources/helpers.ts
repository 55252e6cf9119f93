// Shared by the resource API tests: route calls bound to a test project, error assertions, and rows
// the personalization and track endpoints would write (inserted directly here).
import { expect } from "vitest";
import { getDbHandle } from "@/db/connection";
import { experiences, personalizations } from "@/db/schema";
import { uniqueName, type TestProject } from "../support/fixtures";
import { call, type CallOptions, type CallResult } from "../support/http";

type RouteHandler = Parameters<typeof call>[0];

/** Calls `handler` for project `p` at `sub` (after the project prefix) with the manage key unless told otherwise. */
export function caller(p: TestProject) {
  return (handler: RouteHandler, sub: string, options: Partial<CallOptions> & { params?: Record<string, string> } = {}) =>
    call(handler, {
      key: p.keys.manage,
      ...options,
      path: `${p.base}${sub}`,
      params: { orgName: p.org, projectName: p.project, ...options.params },
    });
}

/** Asserts the JSON error shape, its status and code, and that `mention` appears in the message or in a detail. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectError(res: CallResult<any>, status: number, code: string, mention?: string | RegExp, detailPath?: string) {
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code });
  expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
  if (mention !== undefined) {
    const text = `${res.json.error.message}\n${JSON.stringify(res.json.error.details ?? null)}`;
    if (typeof mention === "string") expect(text).toContain(mention);
    else expect(text).toMatch(mention);
  }
  if (detailPath !== undefined) {
    const paths = (res.json.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toContain(detailPath);
  }
}

export async function insertPersonalization(
  p: TestProject,
  values: { name?: string; selector?: string; status?: "draft" | "running" | "paused" | "archived" } = {},
) {
  const { db } = await getDbHandle();
  const selector = values.selector ?? uniqueName("sel");
  const [row] = await db
    .insert(personalizations)
    .values({ projectId: p.ctx.project.id, name: values.name ?? selector, selector, status: values.status ?? "draft" })
    .returning();
  return row;
}

export async function insertExperience(p: TestProject, personalizationId: string, values: { name: string; audience: Record<string, unknown> | null }) {
  const { db } = await getDbHandle();
  const [row] = await db
    .insert(experiences)
    .values({ projectId: p.ctx.project.id, personalizationId, name: values.name, priority: 1, audience: values.audience })
    .returning();
  return row;
}

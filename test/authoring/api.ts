// The authoring routes, called in-process by URL path the way Next would route them.
import * as personalizations from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/route";
import * as importRoute from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/import/route";
import * as one from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/route";
import * as start from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/start/route";
import * as pause from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/pause/route";
import * as archive from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/archive/route";
import * as exportRoute from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/export/route";
import * as experiences from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/experiences/route";
import * as order from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/experiences/order/route";
import * as experience from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/experiences/[experienceId]/route";
import * as duplicate from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/experiences/[experienceId]/duplicate/route";
import * as asTemplate from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/experiences/[experienceId]/template/route";
import * as templates from "@/app/api/v1/[orgName]/projects/[projectName]/templates/route";
import * as template from "@/app/api/v1/[orgName]/projects/[projectName]/templates/[id]/route";
import { expect } from "vitest";
import { segments } from "@/db/schema";
import { call, type CallResult } from "../support/http";
import type { TestProject } from "../support/fixtures";

type Handler = Parameters<typeof call>[0];
type Module = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

// Most specific first: static segments win over [id], as in Next's router.
const ROUTES: [RegExp, Module, string[]][] = [
  [/^\/personalizations$/, personalizations, []],
  [/^\/personalizations\/import$/, importRoute, []],
  [/^\/personalizations\/([^/]+)\/start$/, start, ["id"]],
  [/^\/personalizations\/([^/]+)\/pause$/, pause, ["id"]],
  [/^\/personalizations\/([^/]+)\/archive$/, archive, ["id"]],
  [/^\/personalizations\/([^/]+)\/export$/, exportRoute, ["id"]],
  [/^\/personalizations\/([^/]+)\/experiences$/, experiences, ["id"]],
  [/^\/personalizations\/([^/]+)\/experiences\/order$/, order, ["id"]],
  [/^\/personalizations\/([^/]+)\/experiences\/([^/]+)\/duplicate$/, duplicate, ["id", "experienceId"]],
  [/^\/personalizations\/([^/]+)\/experiences\/([^/]+)\/template$/, asTemplate, ["id", "experienceId"]],
  [/^\/personalizations\/([^/]+)\/experiences\/([^/]+)$/, experience, ["id", "experienceId"]],
  [/^\/personalizations\/([^/]+)$/, one, ["id"]],
  [/^\/templates$/, templates, []],
  [/^\/templates\/([^/]+)$/, template, ["id"]],
];

export interface Request {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Default: the project's `manage` key; `null` sends no credential. */
  key?: string | null;
}

export type Res = CallResult<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `api(p)("POST", "/personalizations", { body })`: the path is relative to the project. */
export function api(p: TestProject) {
  return async (method: string, path: string, request: Request = {}): Promise<Res> => {
    const [pathname] = path.split("?");
    for (const [re, mod, names] of ROUTES) {
      const m = re.exec(pathname);
      if (!m) continue;
      const handler = mod[method as keyof Module];
      if (!handler) throw new Error(`${method} ${path} is not routed`);
      const params: Record<string, string> = { orgName: p.org, projectName: p.project };
      names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return call(handler, {
        method,
        path: `${p.base}${path}`,
        params,
        body: request.body,
        rawBody: request.rawBody,
        headers: request.headers,
        key: request.key === null ? undefined : (request.key ?? p.keys.manage),
      });
    }
    throw new Error(`no route for ${path}`);
  };
}

/** A segment of the project, written directly (the segments API belongs to another part of the work). */
export async function createSegment(p: TestProject, key: string, condition: Record<string, unknown> = { "user.vip": true }): Promise<void> {
  await p.ctx.db.insert(segments).values({ projectId: p.ctx.project.id, key, name: key, type: "rule", condition });
}

/** Asserts an error answer: status, code, and that the message or details name `field`. */
export function expectError(res: Res, status: number, code: string, field?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(typeof res.json.error.message).toBe("string");
  if (field !== undefined) {
    const details = Array.isArray(res.json.error.details) ? (res.json.error.details as { path: string; message: string }[]) : [];
    const named = details.some((d) => d.path === field || d.path.startsWith(`${field}.`)) || res.json.error.message.includes(field);
    expect(named, `"${field}" not named in ${res.text}`).toBe(true);
  }
}

/** A document that can start: one ready experience and a primary metric. */
export function startableDocument(name = "Welcome back") {
  return {
    name,
    metrics: [{ event: "purchase", measure: "triggered", primary: true }],
    experiences: [{ name: "Everyone", payload: { title: "Hi {{ attribute.user.first_name | default: \"there\" }}" }, audience: { $everyone: true } }],
  };
}

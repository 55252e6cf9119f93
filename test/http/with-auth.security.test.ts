// withAuth: every bad credential gets the right status and the JSON error shape, and a good one gets through.
import { describe, expect, it, beforeAll } from "vitest";
import * as sources from "@/app/api/v1/[orgName]/projects/[projectName]/sources/route";
import { getDbHandle } from "@/db/connection";
import { revokeSource } from "@/lib/services/sources/revoke-source";
import { call, type CallOptions } from "../support/http";
import { createTestProject, type TestProject } from "../support/fixtures";

let p: TestProject;
let other: TestProject;

beforeAll(async () => {
  p = await createTestProject();
  other = await createTestProject();
});

function list(options: Partial<CallOptions> = {}) {
  return call(sources.GET, {
    path: `${p.base}/sources`,
    params: { orgName: p.org, projectName: p.project },
    ...options,
  });
}

const basic = (prefix: string, secret: string) => `Basic ${Buffer.from(`${prefix}:${secret}`).toString("base64")}`;
const split = (key: string) => {
  const at = key.indexOf(".");
  return [key.slice(0, at), key.slice(at + 1)] as const;
};

function expectError(res: { status: number; json: any; headers: Headers }, status: number, code: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(typeof res.json.error.message).toBe("string");
  expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
}

describe("withAuth accepts the three credential forms", () => {
  it("Authorization: Basic base64(prefix:secret), as Intempt's SDKs send it", async () => {
    const [prefix, secret] = split(p.keys.manage);
    const res = await list({ headers: { authorization: basic(prefix, secret) } });
    expect(res.status).toBe(200);
    expect(res.json.sources.map((s: { prefix: string }) => s.prefix)).toContain(prefix);
  });

  it("Authorization: Bearer prefix.secret", async () => {
    expect((await list({ key: p.keys.manage })).status).toBe(200);
  });

  it("X-API-Key: prefix.secret", async () => {
    expect((await list({ headers: { "x-api-key": p.keys.manage } })).status).toBe(200);
  });

  it("never returns a secret or its hash", async () => {
    const res = await list({ key: p.keys.manage });
    const [, secret] = split(p.keys.manage);
    expect(res.text).not.toContain(secret);
    expect(res.text).not.toMatch(/secretHash|secret_hash/);
  });

  it("stamps last-used without being asked", async () => {
    const [prefix] = split(p.keys.all);
    await list({ key: p.keys.all });
    const handle = await getDbHandle();
    for (let i = 0; i < 50; i++) {
      const [row] = await handle.query<{ last_used_at: Date | null }>("select last_used_at from sources where prefix = $1", [prefix]);
      if (row.last_used_at) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("last_used_at was never set");
  });
});

describe("withAuth rejects", () => {
  it("no credential → 401", async () => {
    const res = await list();
    expectError(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toContain("Basic");
  });

  it.each([
    ["Bearer without a dot", { authorization: "Bearer justonepart" }],
    ["Basic that is not prefix:secret", { authorization: `Basic ${Buffer.from("nocolon").toString("base64")}` }],
    ["an unknown scheme", { authorization: "Token abc.def" }],
    ["X-API-Key without a dot", { "x-api-key": "abc" }],
  ])("a malformed header (%s) → 401", async (_label, headers) => {
    expectError(await list({ headers }), 401, "unauthorized");
  });

  it("an unknown prefix → 401", async () => {
    expectError(await list({ key: "bk_doesnotexist.secretsecretsecret" }), 401, "unauthorized");
  });

  it("a wrong secret → 401", async () => {
    const [prefix] = split(p.keys.manage);
    expectError(await list({ key: `${prefix}.wrong-secret` }), 401, "unauthorized");
  });

  it("a revoked key → 401", async () => {
    const key = await p.newKey(["manage"]);
    expect((await list({ key })).status).toBe(200);
    await revokeSource(p.ctx, { prefix: split(key)[0] });
    const res = await list({ key });
    expectError(res, 401, "unauthorized");
    expect(res.json.error.message).toMatch(/revoked/);
  });

  it("a key of another project → 403", async () => {
    const res = await list({ key: other.keys.manage });
    expectError(res, 403, "forbidden");
    expect(res.json.error.message).toMatch(/another project/);
  });

  it("a key of another project, for a project that does not exist → 403, not a hint", async () => {
    const res = await call(sources.GET, {
      path: `/api/v1/${p.org}/projects/nope/sources`,
      params: { orgName: p.org, projectName: "nope" },
      key: other.keys.manage,
    });
    expectError(res, 403, "forbidden");
  });

  it("a key without the scope → 403 naming the scope", async () => {
    const res = await list({ key: p.keys.decide });
    expectError(res, 403, "forbidden");
    expect(res.json.error.message).toMatch(/"manage" scope/);
  });
});

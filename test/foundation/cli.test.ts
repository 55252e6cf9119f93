// The CLI of SPEC §9, run against the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { describe, expect, it } from "vitest";
import * as sources from "@/app/api/v1/[orgName]/projects/[projectName]/sources/route";
import { getDbHandle } from "@/db/connection";
import { runCli } from "@/lib/cli/commands";
import { call } from "../support/http";
import { uniqueName } from "../support/fixtures";

async function cli(...argv: string[]) {
  return runCli(await getDbHandle(), argv);
}

describe("npm run cli", () => {
  it("creates an org, a project and a key whose last line is the whole key, which then authenticates", async () => {
    const org = uniqueName("demo");
    expect((await cli("create-org", org)).stdout).toEqual([expect.stringMatching(new RegExp(`^Created organization ${org} `))]);
    const project = await cli("create-project", org, "shop", "--timezone", "Europe/Berlin");
    expect(project.exitCode).toBe(0);
    expect(project.stdout.join("\n")).toContain("time zone Europe/Berlin");

    const created = await cli("create-key", org, "shop", "--scopes", "decide,track,manage");
    expect(created.exitCode).toBe(0);
    const key = created.stdout.at(-1) ?? "";
    expect(key).toMatch(/^bk_[1-9A-Za-z]{12}\.[A-Za-z0-9_-]{43}$/);

    const res = await call(sources.GET, {
      path: `/api/v1/${org}/projects/shop/sources`,
      params: { orgName: org, projectName: "shop" },
      headers: { authorization: `Basic ${Buffer.from(key.replace(".", ":")).toString("base64")}` },
    });
    expect(res.status).toBe(200);
    expect(res.json.sources[0].scopes).toEqual(["decide", "track", "manage"]);
  });

  it("lists keys without their secrets, and revokes one so that it stops working", async () => {
    const org = uniqueName("demo");
    await cli("create-org", org);
    await cli("create-project", org, "shop");
    const key = (await cli("create-key", org, "shop", "--scopes", "manage", "--name", "ci")).stdout.at(-1) ?? "";
    const prefix = key.split(".")[0];

    const listed = await cli("list-keys", org, "shop");
    expect(listed.stdout[0]).toMatch(/^PREFIX\s+SOURCE\s+NAME\s+SCOPES\s+CREATED\s+LAST USED\s+STATUS$/);
    expect(listed.stdout[1]).toContain(prefix);
    expect(listed.stdout[1]).toMatch(/ci\s+manage\s+.*never\s+active$/);
    expect(listed.stdout.join("\n")).not.toContain(key.split(".")[1]);

    expect((await cli("revoke-key", org, "shop", prefix)).stdout[0]).toMatch(/^Revoked API key/);
    expect((await cli("list-keys", org, "shop")).stdout[1]).toMatch(/revoked$/);
    const res = await call(sources.GET, {
      path: `/api/v1/${org}/projects/shop/sources`,
      params: { orgName: org, projectName: "shop" },
      key,
    });
    expect(res.status).toBe(401);
  });

  it.each([
    [["create-org", "a b"], 1, /contains a space/],
    [["create-project", "no-such-org", "shop"], 1, /Organization "no-such-org" was not found/],
    [["create-key", "x", "y"], 2, /--scopes is required/],
    [["create-key", "x", "y", "--scopes", "decide,admin"], 2, /Unknown scope "admin"/],
    [["create-org"], 2, /Expected <org>/],
    [["frobnicate"], 2, /Unknown command "frobnicate"/],
    [["create-org", "x", "--bogus"], 2, /bogus/],
  ])("%j fails with exit code %i and says why", async (argv, exitCode, message) => {
    const result = await cli(...argv);
    expect(result.exitCode).toBe(exitCode);
    expect(result.stderr.join("\n")).toMatch(message);
  });

  it("refuses a second organization with the same name and an unknown time zone", async () => {
    const org = uniqueName("demo");
    await cli("create-org", org);
    expect((await cli("create-org", org)).stderr[0]).toMatch(/already exists/);
    expect((await cli("create-project", org, "p", "--timezone", "Mars/Base")).stderr[0]).toMatch(/not an IANA time zone/);
  });
});

// Optimistic concurrency under real parallelism: of writes carrying the same version, exactly one wins.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { api } from "./api";

describe("concurrent writes", () => {
  it("two PATCHes with the same version: exactly one succeeds, the other gets 409 with the current version", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: { name: "Contended" } })).json;
    const results = await Promise.all([
      a("PATCH", `/personalizations/${per.id}`, { body: { version: 1, name: "left" } }),
      a("PATCH", `/personalizations/${per.id}`, { body: { version: 1, name: "right" } }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.json.error).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    const now = (await a("GET", `/personalizations/${per.id}`)).json;
    expect(now).toMatchObject({ version: 2, name: winner?.json.name });
  });

  it("ten writers of every kind with one version: exactly one succeeds", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: { name: "Crowded", experiences: [{ name: "A" }, { name: "B" }] } })).json;
    const [A, B] = per.experiences.map((e: { id: string }) => e.id);
    const base = `/personalizations/${per.id}`;
    const writes = [
      a("PATCH", base, { body: { version: 1, controlPercent: 1 } }),
      a("PATCH", base, { body: { version: 1, controlPercent: 2 } }),
      a("PUT", `${base}/experiences/order`, { body: { version: 1, experienceIds: [B, A] } }),
      a("PUT", `${base}/experiences/order`, { body: { version: 1, experienceIds: [B, A] } }),
      a("POST", `${base}/experiences`, { body: { version: 1, name: "C" } }),
      a("PATCH", `${base}/experiences/${A}`, { body: { version: 1, name: "A2" } }),
      a("POST", `${base}/experiences/${B}/duplicate`, { body: { version: 1 } }),
      a("DELETE", `${base}/experiences/${B}?version=1`),
      a("POST", `${base}/archive`, { body: { version: 1 } }),
      a("POST", "/personalizations/import", { body: { name: "Crowded", selector: per.selector }, headers: { "if-match": "1" } }),
    ];
    const results = await Promise.all(writes);
    const ok = results.filter((r) => r.status < 300);
    expect(ok, results.map((r) => `${r.status} ${r.text.slice(0, 80)}`).join("\n")).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.error.code === "version_conflict")).toBe(true);
    expect((await a("GET", base)).json.version).toBe(2);
  });

  it("unchecked experience writes in parallel all apply, in some order, with distinct versions and priorities", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: { name: "Parallel adds", experiences: [] } })).json;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => a("POST", `/personalizations/${per.id}/experiences`, { body: { name: `E${i}` } })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(results.map((r) => r.json.version).sort((x: number, y: number) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const now = (await a("GET", `/personalizations/${per.id}`)).json;
    expect(now.experiences.map((e: { priority: number }) => e.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("parallel creates from one name get distinct derived selectors", async () => {
    const p = await createTestProject();
    const a = api(p);
    const results = await Promise.all(Array.from({ length: 5 }, () => a("POST", "/personalizations", { body: { name: "Same name" } })));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(results.map((r) => r.json.selector).sort()).toEqual(["same-name", "same-name-2", "same-name-3", "same-name-4", "same-name-5"]);
  });
});

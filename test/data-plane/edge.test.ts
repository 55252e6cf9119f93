// The lean edge server (issue #4) serves the very answers of the Next route handlers.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEdgeServer } from "@/lib/edge/server";
import { createTestProject, type TestProject } from "../support/fixtures";
import { choose, seedPersonalization, track } from "./seed";

let server: Server;
let origin: string;
let p: TestProject;

beforeAll(async () => {
  server = createEdgeServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p = await createTestProject();
  await seedPersonalization(p, { selector: "hello", groups: ["home"], experiences: [{ audience: { $event: { name: "signup" } }, payload: { t: "member" } }, { payload: { t: "Hi {{ attribute.user.name | default: 'you' }}" } }] });
  await seedPersonalization(p, { selector: "second", groups: ["home"] });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function edge(path: string, body: unknown, key: string) {
  const res = await fetch(`${origin}${p.base}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("edge server", () => {
  it("answers choose-api exactly as the route handler does", async () => {
    for (const body of [
      { identification: { profileId: "e-1" }, names: ["hello", "nope"], groups: ["home"] },
      { identification: { profileId: "e-2", userId: "u-2" }, names: ["second"], attributes: { user: { name: "Ann" } } },
      { identification: { profileId: "e-1" }, names: ["hello"], recordExposure: false },
    ]) {
      const viaNext = await choose(p, body);
      const viaEdge = await edge("/optimization/choose-api", body, p.keys.decide);
      expect(viaEdge.status).toBe(viaNext.status);
      expect(viaEdge.json).toEqual(viaNext.json);
      expect(viaEdge.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("answers errors the same way", async () => {
    const bad = { identification: {}, names: [] };
    const viaNext = await choose(p, bad);
    const viaEdge = await edge("/optimization/choose-api", bad, p.keys.decide);
    expect(viaEdge.status).toBe(400);
    expect({ ...viaEdge.json.error, requestId: null }).toEqual({ ...viaNext.json.error, requestId: null });
    expect((await edge("/optimization/choose-api", { identification: { profileId: "x" }, names: ["hello"] }, p.keys.track)).status).toBe(403);
  });

  it("serves both track routes; what it stores changes the next decision", async () => {
    const sent = await edge("/track", { track: [{ name: "signup", payload: [{ eventId: "edge-1", timestamp: Date.now(), profileId: "e-3" }] }] }, p.keys.track);
    expect(sent).toMatchObject({ status: 202, json: { accepted: 1, duplicates: 0 } });
    const viaNext = await track(p, { track: [{ name: "signup", payload: [{ eventId: "edge-1", profileId: "e-3" }] }] });
    expect(viaNext.json).toEqual({ accepted: 0, duplicates: 1 });
    const decided = await edge("/optimization/choose-api", { identification: { profileId: "e-3" }, names: ["hello"] }, p.keys.decide);
    expect(decided.json.choices[0].body).toEqual({ t: "member" });
    const sources = await p.ctx.handle.query<{ id: number }>("select id from sources where project_id = $1 and name = 'track'", [p.ctx.project.id]);
    const bySource = await edge(`/sources/${sources[0].id}/track`, { track: [{ name: "x", payload: [{ profileId: "e-4" }] }] }, p.keys.track);
    expect(bySource).toMatchObject({ status: 202, json: { accepted: 1 } });
  });

  it("serves health and nothing beyond the data plane", async () => {
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
    expect((await fetch(`${origin}${p.base}/personalizations`)).status).toBe(404);
    expect((await fetch(`${origin}${p.base}/optimization/choose-api`)).status).toBe(405);
  });
});

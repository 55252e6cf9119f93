// Intempt's Node.js SDK (github.com/intempt/intempt-node, 2.x), pointed at Bespoke with
// `{ host, protocol: "http", path: "/api", apiKey: "prefix.secret", sourceId }`, must work unchanged
// for experiences(), track(), identify() and alias(). The SDK is not installable here, so this test
// rebuilds the exact requests its sources build — URL path, method, headers, JSON body with its key
// order — sends them over a real socket to the edge server (and in-process to the Next route), and
// reads the answers the way the SDK reads them.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chooseRoute from "@/app/api/v1/[orgName]/projects/[projectName]/optimization/choose-api/route";
import * as sourceTrackRoute from "@/app/api/v1/[orgName]/projects/[projectName]/sources/[sourceId]/track/route";
import { createEdgeServer } from "@/lib/edge/server";
import { createTestProject, type TestProject } from "../support/fixtures";
import { call } from "../support/http";
import { profileIdOf, rows, seedPersonalization } from "./seed";

/** The SDK's own configuration surface, as a user would write it for Bespoke. */
interface SdkConfig {
  org: string;
  project: string;
  apiKey: string;
  sourceId?: string;
  host: string;
  protocol: "http";
  path: string;
}

/** What the SDK puts on the wire for one call. */
interface WireRequest {
  method: "POST";
  path: string;
  headers: Record<string, string | number>;
  body: string;
}

const SDK_LIB_HEADER = "X-Intempt-Lib";
const SDK_LIB_VALUE = "intempt-node/2.0.0";

/** Drops undefined members, keeping the order of the rest (the SDK's `compact`). */
function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Requests exactly as the SDK's Transport, Decide and Ingest classes build them. */
function sdkWire(config: SdkConfig) {
  const [prefix, secret] = config.apiKey.split(".");
  const authorization = `Basic ${Buffer.from(`${prefix}:${secret}`).toString("base64")}`;
  const projectPath = (suffix: string) => `${config.path}/v1/${encodeURIComponent(config.org)}/projects/${encodeURIComponent(config.project)}${suffix}`;
  const post = (path: string, body: unknown): WireRequest => {
    const payload = Buffer.from(JSON.stringify(body), "utf8");
    return {
      method: "POST",
      path,
      headers: { "Content-Type": "application/json", "Content-Length": payload.byteLength, Authorization: authorization, [SDK_LIB_HEADER]: SDK_LIB_VALUE },
      body: payload.toString("utf8"),
    };
  };
  const trackPath = () => (config.sourceId ? projectPath(`/sources/${encodeURIComponent(config.sourceId)}/track`) : projectPath("/track"));
  const event = (name: string, o: { userId?: string; profileId?: string; accountId?: string; properties?: object; userAttributes?: object; accountAttributes?: object }) => ({
    name,
    payload: [
      dropUndefined({
        eventId: randomUUID(),
        timestamp: Date.now(),
        profileId: o.profileId,
        userId: o.userId,
        accountId: o.accountId,
        data: o.properties,
        userAttributes: o.userAttributes,
        accountAttributes: o.accountAttributes,
      }),
    ],
  });
  return {
    experiences: (o: { type: "personalization" | "experiment"; userId?: string; profileId?: string; accountId?: string; names?: string[]; groups?: string[]; device?: string }) =>
      post(
        projectPath("/optimization/choose-api"),
        dropUndefined({
          identification: dropUndefined({ userId: o.userId, accountId: o.accountId, profileId: o.profileId, sourceId: config.sourceId }),
          groups: o.groups,
          names: o.names,
          optimizationType: o.type,
          device: o.device ?? "all",
        }),
      ),
    track: (name: string, o: { userId?: string; profileId?: string; properties?: object }) => post(trackPath(), { track: [event(name, o)] }),
    identify: (o: { userId: string; profileId?: string; traits?: object }) => post(trackPath(), { track: [event("Identify", { userId: o.userId, profileId: o.profileId, userAttributes: o.traits })] }),
    alias: (o: { userId: string; previousUserId: string }) => {
      const e = event("Identify", { userId: o.userId });
      (e.payload[0] as Record<string, unknown>).anotherUserId = o.previousUserId;
      return post(trackPath(), { track: [e] });
    },
  };
}

/** Sends a wire request over a socket as the SDK's transport does, and reads the answer as it does. */
function send(host: string, port: number, request: WireRequest): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method: request.method, path: request.path, headers: request.headers, agent: new http.Agent({ keepAlive: true }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(new Error(`Intempt API responded ${status}: ${raw}`));
        let body: unknown;
        try {
          body = raw.length > 0 ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
        resolve({ status, body });
      });
    });
    req.on("error", reject);
    req.write(request.body);
    req.end();
  });
}

/** `experiences()` returns `response.body?.choices ?? []`. */
const choicesOf = (body: unknown) => ((body as { choices?: unknown[] } | undefined)?.choices ?? []) as { name: string; body: unknown; reason: string; group: string | null }[];

let server: http.Server;
let port: number;
let p: TestProject;
let sourceId: number;

beforeAll(async () => {
  server = createEdgeServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  p = await createTestProject();
  sourceId = (await rows<{ id: number }>(p, "select id from sources where project_id = $1 and name = 'decide+track+manage'"))[0].id;
  await seedPersonalization(p, {
    selector: "hello",
    groups: ["home"],
    experiences: [
      { name: "pro", audience: { "user.plan": "pro" }, payload: { title: "Hello, pro" } },
      { name: "buyer", audience: { $event: { name: "purchase" } }, payload: { title: "Thanks for buying" } },
      { name: "everyone", payload: { title: "Hello" } },
    ],
  });
  await seedPersonalization(p, { selector: "footer", groups: ["home"], experiences: [{ payload: { text: "footer" } }] });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("Intempt's Node.js SDK against Bespoke", () => {
  const config = (): SdkConfig => ({ org: p.org, project: p.project, apiKey: p.keys.all, sourceId: String(sourceId), host: `127.0.0.1:${port}`, protocol: "http", path: "/api" });

  it("experiences(): the request it builds is accepted and its choices parse", async () => {
    const wire = sdkWire(config()).experiences({ type: "personalization", userId: "sdk-user", names: ["hello"], groups: ["home"] });
    expect(wire.path).toBe(`/api/v1/${p.org}/projects/${p.project}/optimization/choose-api`);
    expect(JSON.parse(wire.body)).toEqual({
      identification: { userId: "sdk-user", sourceId: String(sourceId) },
      groups: ["home"],
      names: ["hello"],
      optimizationType: "personalization",
      device: "all",
    });
    const { status, body } = await send("127.0.0.1", port, wire);
    expect(status).toBe(200);
    const choices = choicesOf(body);
    expect(choices.map((c) => [c.name, c.group, c.reason])).toEqual([
      ["hello", null, "served"],
      ["footer", "home", "served"],
    ]);
    expect(choices.find((c) => c.name === "hello")?.body).toEqual({ title: "Hello" });
    // The same bytes through the Next route handler: the same answer.
    const viaNext = await call(chooseRoute.POST, {
      path: wire.path,
      params: { orgName: p.org, projectName: p.project },
      rawBody: wire.body,
      headers: Object.fromEntries(Object.entries(wire.headers).map(([k, v]) => [k, String(v)])),
    });
    expect(viaNext.status).toBe(200);
    expect(choicesOf(viaNext.json)).toEqual(choices);
    // An experiment type is answered too (Bespoke has only personalizations: nothing found).
    const experiments = await send("127.0.0.1", port, sdkWire(config()).experiences({ type: "experiment", userId: "sdk-user", names: ["hello"] }));
    expect(choicesOf(experiments.body).map((c) => c.reason)).toEqual(["not_found"]);
  });

  it("track(), identify() and alias() are accepted with 2xx and change what experiences() returns", async () => {
    const sdk = sdkWire(config());
    const tracked = sdk.track("purchase", { userId: "sdk-buyer", properties: { amount: 30 } });
    expect(tracked.path).toBe(`/api/v1/${p.org}/projects/${p.project}/sources/${sourceId}/track`);
    expect(Object.keys(JSON.parse(tracked.body).track[0].payload[0])).toEqual(["eventId", "timestamp", "userId", "data"]);
    expect(await send("127.0.0.1", port, tracked)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    const afterPurchase = await send("127.0.0.1", port, sdk.experiences({ type: "personalization", userId: "sdk-buyer", names: ["hello"] }));
    expect(choicesOf(afterPurchase.body)[0].body).toEqual({ title: "Thanks for buying" });

    expect((await send("127.0.0.1", port, sdk.identify({ userId: "sdk-buyer", traits: { plan: "pro" } }))).status).toBe(202);
    const afterIdentify = await send("127.0.0.1", port, sdk.experiences({ type: "personalization", userId: "sdk-buyer", names: ["hello"] }));
    expect(choicesOf(afterIdentify.body)[0].body).toEqual({ title: "Hello, pro" });

    // alias(): the previous user id's history joins the current user.
    expect((await send("127.0.0.1", port, sdk.track("purchase", { userId: "old-login" }))).status).toBe(202);
    const aliased = sdk.alias({ userId: "sdk-new", previousUserId: "old-login" });
    expect(JSON.parse(aliased.body).track[0]).toMatchObject({ name: "Identify", payload: [{ userId: "sdk-new", anotherUserId: "old-login" }] });
    expect((await send("127.0.0.1", port, aliased)).status).toBe(202);
    expect(await profileIdOf(p, { userId: "old-login" })).toBe(await profileIdOf(p, { userId: "sdk-new" }));
    const afterAlias = await send("127.0.0.1", port, sdk.experiences({ type: "personalization", userId: "sdk-new", names: ["hello"] }));
    expect(choicesOf(afterAlias.body)[0].body).toEqual({ title: "Thanks for buying" });
  });

  it("without a sourceId the SDK posts to …/track; the 1.x profileId identification still works", async () => {
    const sdk = sdkWire({ ...config(), sourceId: undefined });
    const tracked = sdk.track("purchase", { profileId: "device-1" });
    expect(tracked.path).toBe(`/api/v1/${p.org}/projects/${p.project}/track`);
    expect((await send("127.0.0.1", port, tracked)).status).toBe(202);
    const decided = await send("127.0.0.1", port, sdk.experiences({ type: "personalization", profileId: "device-1", names: ["hello"] }));
    expect(choicesOf(decided.body)[0].body).toEqual({ title: "Thanks for buying" });
    // Also through Next's route handler for the source path.
    const bySource = sdkWire(config()).track("x", { profileId: "device-2" });
    const viaNext = await call(sourceTrackRoute.POST, {
      path: bySource.path,
      params: { orgName: p.org, projectName: p.project, sourceId: String(sourceId) },
      rawBody: bySource.body,
      headers: Object.fromEntries(Object.entries(bySource.headers).map(([k, v]) => [k, String(v)])),
    });
    expect(viaNext.status).toBe(202);
  });

  it("what the SDK treats as errors: a wrong key is a non-2xx it rejects on", async () => {
    const sdk = sdkWire({ ...config(), apiKey: `${p.keys.all.split(".")[0]}.wrong` });
    await expect(send("127.0.0.1", port, sdk.experiences({ type: "personalization", userId: "x", names: ["hello"] }))).rejects.toThrow(/responded 401/);
  });
});

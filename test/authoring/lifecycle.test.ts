// Lifecycle: start validates everything at once; pause, resume, archive; every write reaches the change bus.
import { describe, expect, it } from "vitest";
import { onChange } from "@/lib/cache/change-bus";
import { createTestProject } from "../support/fixtures";
import { api, createSegment, expectError, startableDocument } from "./api";

describe("POST …/start", () => {
  it("starts a valid draft: running, startedAt, version bumped", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: startableDocument() })).json;
    const res = await a("POST", `/personalizations/${per.id}/start`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "running", version: 2 });
    expect(res.json.startedAt).not.toBeNull();
    // Starting a running one changes nothing.
    const again = await a("POST", `/personalizations/${per.id}/start`);
    expect(again.json).toMatchObject({ status: "running", version: 2, startedAt: res.json.startedAt });
  });

  it("lists every problem at once", async () => {
    const p = await createTestProject();
    await createSegment(p, "soon-deleted");
    const a = api(p);
    const per = (
      await a("POST", "/personalizations", {
        body: {
          name: "Broken",
          metrics: [{ event: "purchase", measure: "triggered" }],
          experiences: [
            { name: "Empty audience" },
            { name: "Good", audience: { $everyone: true } },
            { name: "Stale segment", audience: { $segment: "soon-deleted" } },
            { name: "Also empty", audience: {} },
          ],
        },
      })
    ).json;
    await p.ctx.handle.query("delete from segments where project_id = $1", [p.ctx.project.id]);
    const res = await a("POST", `/personalizations/${per.id}/start`);
    expectError(res, 400, "validation_failed");
    const details = res.json.error.details as { path: string; message: string; experienceId?: string }[];
    expect(details.map((d) => d.path)).toEqual(["experiences.0.audience", "experiences.2.audience.$segment", "experiences.3.audience", "metrics"]);
    expect(details[0].message).toMatch(/"Empty audience" needs setup/);
    expect(details[0].experienceId).toBe(per.experiences[0].id);
    expect(details[1].message).toMatch(/"Stale segment".*unknown segment "soon-deleted"/);
    expect(details[3].message).toMatch(/primary/);
    expect(res.json.error.message).toMatch(/4 problems/);
    expect((await a("GET", `/personalizations/${per.id}`)).json).toMatchObject({ status: "draft", version: 1 });
  });

  it("no experiences, no metrics, control out of range (set behind the API's back): all reported", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: { name: "Empty", experiences: [] } })).json;
    await p.ctx.handle.query("update personalizations set control_percent = 100 where id = $1", [per.id]);
    const res = await a("POST", `/personalizations/${per.id}/start`);
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(["experiences", "metrics", "controlPercent"]);
  });

  it("an archived one cannot start (409); a stale version is a 409", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: startableDocument() })).json;
    expectError(await a("POST", `/personalizations/${per.id}/start`, { body: { version: 3 } }), 409, "version_conflict");
    await a("POST", `/personalizations/${per.id}/archive`);
    expectError(await a("POST", `/personalizations/${per.id}/start`), 409, "conflict");
    expectError(await a("POST", "/personalizations/per_nope/start"), 404, "not_found");
  });
});

describe("POST …/pause and resume with start", () => {
  it("running → paused → running", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: startableDocument() })).json;
    await a("POST", `/personalizations/${per.id}/start`);
    const paused = await a("POST", `/personalizations/${per.id}/pause`, { headers: { "if-match": '"2"' } });
    expect(paused.status, paused.text).toBe(200);
    expect(paused.json).toMatchObject({ status: "paused", version: 3 });
    expect(paused.json.pausedAt).not.toBeNull();
    const resumed = await a("POST", `/personalizations/${per.id}/start`, { body: { version: 3 } });
    expect(resumed.json).toMatchObject({ status: "running", version: 4, pausedAt: null, startedAt: paused.json.startedAt });
    const actions = await p.ctx.handle.query<{ action: string }>("select action from audit_log where entity_id = $1 order by id", [per.id]);
    expect(actions.map((r) => r.action)).toEqual(["personalization.create", "personalization.start", "personalization.pause", "personalization.resume"]);
  });

  it("pausing a draft → 409", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: { name: "Draft" } })).json;
    const res = await a("POST", `/personalizations/${per.id}/pause`);
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toMatch(/draft/);
  });

  it("lifecycle bodies must be JSON when present", async () => {
    const p = await createTestProject();
    const a = api(p);
    const per = (await a("POST", "/personalizations", { body: startableDocument() })).json;
    expectError(await a("POST", `/personalizations/${per.id}/start`, { rawBody: "version=1", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    expectError(await a("POST", `/personalizations/${per.id}/start`, { body: { version: "one" } }), 400, "validation_failed", "version");
  });
});

describe("the change bus", () => {
  it("hears about every committed write choose-api could see", async () => {
    const p = await createTestProject();
    const a = api(p);
    const seen: string[] = [];
    const stop = await onChange(p.ctx.handle, (change) => {
      if (change.kind === "project" && change.projectId === p.ctx.project.id) seen.push("change");
    });
    try {
      const waitFor = async (n: number) => {
        for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
        expect(seen.length).toBeGreaterThanOrEqual(n);
      };
      const per = (await a("POST", "/personalizations", { body: startableDocument() })).json;
      await waitFor(1);
      await a("POST", `/personalizations/${per.id}/start`);
      await waitFor(2);
      await a("PATCH", `/personalizations/${per.id}/experiences/${per.experiences[0].id}`, { body: { name: "renamed" } });
      await waitFor(3);
      // A rejected write publishes nothing.
      const before = seen.length;
      await a("PATCH", `/personalizations/${per.id}`, { body: { version: 1 } });
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.length).toBe(before);
    } finally {
      stop();
    }
  });
});

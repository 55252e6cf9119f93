// Every authoring route: no credential → 401, another project's key → 403, a key without `manage` → 403;
// and every service verb refuses a console viewer, whoever calls it.
import { beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/services/context";
import { createPersonalization } from "@/lib/services/personalizations/create-personalization";
import { updatePersonalization } from "@/lib/services/personalizations/update-personalization";
import { deletePersonalization } from "@/lib/services/personalizations/delete-personalization";
import { startPersonalization } from "@/lib/services/personalizations/start-personalization";
import { pausePersonalization } from "@/lib/services/personalizations/pause-personalization";
import { archivePersonalization } from "@/lib/services/personalizations/archive-personalization";
import { importPersonalization } from "@/lib/services/personalizations/import-personalization";
import { getPersonalization } from "@/lib/services/personalizations/get-personalization";
import { addExperience } from "@/lib/services/experiences/add-experience";
import { updateExperience } from "@/lib/services/experiences/update-experience";
import { deleteExperience } from "@/lib/services/experiences/delete-experience";
import { reorderExperiences } from "@/lib/services/experiences/reorder-experiences";
import { duplicateExperience } from "@/lib/services/experiences/duplicate-experience";
import { saveExperienceAsTemplate } from "@/lib/services/experiences/save-experience-as-template";
import { createTemplate } from "@/lib/services/templates/create-template";
import { updateTemplate } from "@/lib/services/templates/update-template";
import { deleteTemplate } from "@/lib/services/templates/delete-template";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { AppError } from "@/lib/errors";
import { createTestProject, type TestProject } from "../support/fixtures";
import { api, expectError } from "./api";

let p: TestProject;
let other: TestProject;
let perId: string;
let expId: string;
let tplId: string;

beforeAll(async () => {
  p = await createTestProject();
  other = await createTestProject();
  const per = (await api(p)("POST", "/personalizations", { body: { name: "Guarded" } })).json;
  perId = per.id;
  expId = per.experiences[0].id;
  tplId = (await api(p)("POST", "/templates", { body: { name: "Guarded", payload: {} } })).json.id;
});

const routes = (): [string, string, unknown?][] => [
  ["GET", "/personalizations"],
  ["POST", "/personalizations", { name: "x" }],
  ["POST", "/personalizations/import", { name: "x" }],
  ["GET", `/personalizations/${perId}`],
  ["PATCH", `/personalizations/${perId}`, { version: 1 }],
  ["DELETE", `/personalizations/${perId}`],
  ["POST", `/personalizations/${perId}/start`],
  ["POST", `/personalizations/${perId}/pause`],
  ["POST", `/personalizations/${perId}/archive`],
  ["GET", `/personalizations/${perId}/export`],
  ["POST", `/personalizations/${perId}/experiences`, {}],
  ["PUT", `/personalizations/${perId}/experiences/order`, { experienceIds: [expId] }],
  ["PATCH", `/personalizations/${perId}/experiences/${expId}`, { name: "x" }],
  ["DELETE", `/personalizations/${perId}/experiences/${expId}`],
  ["POST", `/personalizations/${perId}/experiences/${expId}/duplicate`],
  ["POST", `/personalizations/${perId}/experiences/${expId}/template`, { name: "x" }],
  ["GET", "/templates"],
  ["POST", "/templates", { name: "x", payload: {} }],
  ["GET", `/templates/${tplId}`],
  ["PATCH", `/templates/${tplId}`, { name: "x" }],
  ["DELETE", `/templates/${tplId}`],
];

describe("every authoring route", () => {
  it("without a credential → 401", async () => {
    for (const [method, path, body] of routes()) {
      const res = await api(p)(method, path, { body, key: null });
      expectError(res, 401, "unauthorized");
    }
  });

  it("with another project's manage key → 403", async () => {
    for (const [method, path, body] of routes()) {
      const res = await api(p)(method, path, { body, key: other.keys.manage });
      expectError(res, 403, "forbidden");
      expect(res.json.error.message, `${method} ${path}`).toMatch(/another project/);
    }
  });

  it("with a key lacking the manage scope → 403", async () => {
    for (const key of [p.keys.decide, p.keys.track]) {
      for (const [method, path, body] of routes()) {
        const res = await api(p)(method, path, { body, key });
        expectError(res, 403, "forbidden");
        expect(res.json.error.message, `${method} ${path}`).toMatch(/"manage" scope/);
      }
    }
  });

  it("and nothing was changed by the refused calls", async () => {
    const per = (await api(p)("GET", `/personalizations/${perId}`)).json;
    expect(per).toMatchObject({ version: 1, status: "draft", name: "Guarded" });
    expect(per.experiences).toHaveLength(1);
  });
});

describe("service verbs check access first", () => {
  const viewer = (): ServiceContext => ({ ...p.ctx, actor: { type: "user", userId: "usr_v", email: "v@example.com", role: "viewer" } });

  it("a viewer can read", async () => {
    expect((await getPersonalization(viewer(), perId)).id).toBe(perId);
    expect(Array.isArray(await listTemplates(viewer()))).toBe(true);
  });

  it.each<[string, (ctx: ServiceContext) => Promise<unknown>]>([
    ["createPersonalization", (c) => createPersonalization(c, { name: "v" })],
    ["updatePersonalization", (c) => updatePersonalization(c, perId, { version: 1 })],
    ["deletePersonalization", (c) => deletePersonalization(c, perId)],
    ["startPersonalization", (c) => startPersonalization(c, perId)],
    ["pausePersonalization", (c) => pausePersonalization(c, perId)],
    ["archivePersonalization", (c) => archivePersonalization(c, perId)],
    ["importPersonalization", (c) => importPersonalization(c, { name: "v" })],
    ["addExperience", (c) => addExperience(c, perId, {})],
    ["updateExperience", (c) => updateExperience(c, perId, expId, {})],
    ["deleteExperience", (c) => deleteExperience(c, perId, expId)],
    ["reorderExperiences", (c) => reorderExperiences(c, perId, { experienceIds: [expId] })],
    ["duplicateExperience", (c) => duplicateExperience(c, perId, expId, {})],
    ["saveExperienceAsTemplate", (c) => saveExperienceAsTemplate(c, perId, expId, { name: "v" })],
    ["createTemplate", (c) => createTemplate(c, { name: "v", payload: {} })],
    ["updateTemplate", (c) => updateTemplate(c, tplId, { name: "v" })],
    ["deleteTemplate", (c) => deleteTemplate(c, tplId)],
  ])("%s refuses a viewer", async (_name, verb) => {
    const error = await verb(viewer()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
  });
});

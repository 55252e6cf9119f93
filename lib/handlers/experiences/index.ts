import { z } from "zod";
import { withAuth } from "../../http/with-auth";
import { parseBody, parseValue } from "../../http/parse-body";
import { addExperience } from "../../services/experiences/add-experience";
import { deleteExperience } from "../../services/experiences/delete-experience";
import { duplicateExperience } from "../../services/experiences/duplicate-experience";
import { reorderExperiences } from "../../services/experiences/reorder-experiences";
import { saveExperienceAsTemplate } from "../../services/experiences/save-experience-as-template";
import { updateExperience } from "../../services/experiences/update-experience";
import { etag, ifMatchVersion, optionalJsonBody, versionOf } from "../personalizations/request-helpers";

const params = z.object({ id: z.string().min(1), experienceId: z.string().min(1).optional() });
const manage = { scope: "manage" } as const;

function ids(req: { params: Record<string, string> }): { id: string; experienceId: string } {
  const p = parseValue(req.params, params, "path");
  return { id: p.id, experienceId: p.experienceId ?? "" };
}

export const addExperienceHandler = withAuth(async (req, ctx) => {
  const ifMatch = ifMatchVersion(req);
  const result = await addExperience(ctx, ids(req).id, await parseBody(req, z.unknown()), { ifMatch });
  return { status: 201, headers: etag(result.version), body: result };
}, manage);

export const updateExperienceHandler = withAuth(async (req, ctx) => {
  const { id, experienceId } = ids(req);
  const ifMatch = ifMatchVersion(req);
  const result = await updateExperience(ctx, id, experienceId, await parseBody(req, z.unknown()), { ifMatch });
  return { status: 200, headers: etag(result.version), body: result };
}, manage);

export const deleteExperienceHandler = withAuth(async (req, ctx) => {
  const { id, experienceId } = ids(req);
  const result = await deleteExperience(ctx, id, experienceId, { version: await versionOf(req) });
  return { status: 200, headers: etag(result.version), body: result };
}, manage);

export const reorderExperiencesHandler = withAuth(async (req, ctx) => {
  const ifMatch = ifMatchVersion(req);
  const personalization = await reorderExperiences(ctx, ids(req).id, await parseBody(req, z.unknown()), { ifMatch });
  return { status: 200, headers: etag(personalization.version), body: personalization };
}, manage);

export const duplicateExperienceHandler = withAuth(async (req, ctx) => {
  const { id, experienceId } = ids(req);
  const ifMatch = ifMatchVersion(req);
  const result = await duplicateExperience(ctx, id, experienceId, await optionalJsonBody(req), { ifMatch });
  return { status: 201, headers: etag(result.version), body: result };
}, manage);

export const saveExperienceAsTemplateHandler = withAuth(async (req, ctx) => {
  const { id, experienceId } = ids(req);
  return { status: 201, body: await saveExperienceAsTemplate(ctx, id, experienceId, await parseBody(req, z.unknown())) };
}, manage);

// GET, PATCH, DELETE …/templates/{id} — read, edit, delete a template
import { deleteTemplateHandler, getTemplateHandler, updateTemplateHandler } from "@/lib/handlers/templates";
import { route } from "@/lib/http/next";

export const GET = route(getTemplateHandler);
export const PATCH = route(updateTemplateHandler);
export const DELETE = route(deleteTemplateHandler);

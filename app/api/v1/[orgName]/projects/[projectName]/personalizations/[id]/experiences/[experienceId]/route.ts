// PATCH, DELETE …/personalizations/{id}/experiences/{experienceId} — edit or remove one experience
import { deleteExperienceHandler, updateExperienceHandler } from "@/lib/handlers/experiences";
import { route } from "@/lib/http/next";

export const PATCH = route(updateExperienceHandler);
export const DELETE = route(deleteExperienceHandler);

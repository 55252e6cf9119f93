// POST …/personalizations/{id}/experiences — add an experience, from scratch or from a template
import { addExperienceHandler } from "@/lib/handlers/experiences";
import { route } from "@/lib/http/next";

export const POST = route(addExperienceHandler);

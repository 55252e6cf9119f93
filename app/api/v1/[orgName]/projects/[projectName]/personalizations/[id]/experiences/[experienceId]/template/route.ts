// POST …/experiences/{experienceId}/template — save the experience's payload as a new template
import { saveExperienceAsTemplateHandler } from "@/lib/handlers/experiences";
import { route } from "@/lib/http/next";

export const POST = route(saveExperienceAsTemplateHandler);

// POST …/experiences/{experienceId}/duplicate — copy an experience right below the original
import { duplicateExperienceHandler } from "@/lib/handlers/experiences";
import { route } from "@/lib/http/next";

export const POST = route(duplicateExperienceHandler);

// GET …/profiles?userId=|profileId= — one visitor with its recent events and exposures
import { getProfileHandler } from "@/lib/handlers/profiles";
import { route } from "@/lib/http/next";

export const GET = route(getProfileHandler);

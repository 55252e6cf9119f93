// GET, POST …/test-profiles — list the saved fictional visitors; save one
import { createTestProfileHandler, listTestProfilesHandler } from "@/lib/handlers/test-profiles";
import { route } from "@/lib/http/next";

export const GET = route(listTestProfilesHandler);
export const POST = route(createTestProfileHandler);

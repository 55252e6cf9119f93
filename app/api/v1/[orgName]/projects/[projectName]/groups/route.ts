// GET, POST …/groups — list the selector groups with their personalizations; create one
import { createGroupHandler, listGroupsHandler } from "@/lib/handlers/groups";
import { route } from "@/lib/http/next";

export const GET = route(listGroupsHandler);
export const POST = route(createGroupHandler);

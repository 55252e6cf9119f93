// GET /api/v1/me — the signed-in user and the projects they can open
import { meHandler } from "@/lib/handlers/account";
import { route } from "@/lib/http/next";

export const GET = route(meHandler);

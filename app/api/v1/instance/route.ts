// GET /api/v1/instance — whether the instance has any account yet
import { instanceHandler } from "@/lib/handlers/account";
import { route } from "@/lib/http/next";

export const GET = route(instanceHandler);

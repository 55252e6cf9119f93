// POST /api/v1/sign-up — the first account of an empty instance, owner of a new organization and project
import { signUpHandler } from "@/lib/handlers/account";
import { route } from "@/lib/http/next";

export const POST = route(signUpHandler);

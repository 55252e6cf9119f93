// GET /api/v1/invites/{token} — what an invitation is for
import { inviteInfoHandler } from "@/lib/handlers/account";
import { route } from "@/lib/http/next";

export const GET = route(inviteInfoHandler);

// POST /api/v1/invites/{token}/accept — join the organization with the invited role
import { acceptInviteHandler } from "@/lib/handlers/account";
import { route } from "@/lib/http/next";

export const POST = route(acceptInviteHandler);

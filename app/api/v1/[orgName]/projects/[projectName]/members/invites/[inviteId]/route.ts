// DELETE …/members/invites/{inviteId} — revoke a pending invitation
import { revokeInviteHandler } from "@/lib/handlers/members";
import { route } from "@/lib/http/next";

export const DELETE = route(revokeInviteHandler);

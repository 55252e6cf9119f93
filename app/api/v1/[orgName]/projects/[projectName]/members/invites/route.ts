// POST …/members/invites — invite someone by email with a role; returns the invite link once
import { createInviteHandler } from "@/lib/handlers/members";
import { route } from "@/lib/http/next";

export const POST = route(createInviteHandler);

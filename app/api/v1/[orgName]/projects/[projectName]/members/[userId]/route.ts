// PATCH, DELETE …/members/{userId} — change a member's role; remove them from the organization
import { changeRoleHandler, removeMemberHandler } from "@/lib/handlers/members";
import { route } from "@/lib/http/next";

export const PATCH = route(changeRoleHandler);
export const DELETE = route(removeMemberHandler);

// GET, PATCH, DELETE …/groups/{groupId} — read, rename or reassign, delete a selector group
import { deleteGroupHandler, getGroupHandler, updateGroupHandler } from "@/lib/handlers/groups";
import { route } from "@/lib/http/next";

export const GET = route(getGroupHandler);
export const PATCH = route(updateGroupHandler);
export const DELETE = route(deleteGroupHandler);

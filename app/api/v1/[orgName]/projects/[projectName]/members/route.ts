// GET …/members — the organization's members and pending invitations
import { listMembersHandler } from "@/lib/handlers/members";
import { route } from "@/lib/http/next";

export const GET = route(listMembersHandler);

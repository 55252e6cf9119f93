import type { z } from "zod";
import type { QueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/permissions";
import type { memberSchema, pendingInviteSchema } from "@/lib/schemas/auth";

export type Member = z.infer<typeof memberSchema>;
export type PendingInvite = z.infer<typeof pendingInviteSchema>;
export type MembersResponse = { members: Member[]; invites: PendingInvite[] };

export const ROLE_INFO: Record<Role, { label: string; description: string }> = {
  owner: { label: "Owner", description: "Everything, including making and removing other owners." },
  admin: { label: "Admin", description: "Everything but owners: API keys, members, project settings." },
  editor: { label: "Editor", description: "Creates and edits personalizations, templates and segments." },
  viewer: { label: "Viewer", description: "Sees everything, changes nothing." },
};

export const ROLE_ORDER: readonly Role[] = ["owner", "admin", "editor", "viewer"];

export const MEMBERS_ADMIN_ONLY = "Only owners and admins can invite people, change roles or remove members.";

export function membersQueryKey(org: string, project: string) {
  return ["console", org, project, "members"] as const;
}

/** Roles the signed-in member may hand out: only an owner makes owners. */
export function assignableRoles(actorRole: Role): readonly Role[] {
  return actorRole === "owner" ? ROLE_ORDER : ROLE_ORDER.filter((r) => r !== "owner");
}

export function updateMembersCache(
  queryClient: QueryClient,
  org: string,
  project: string,
  update: (data: MembersResponse) => MembersResponse,
): void {
  const key = membersQueryKey(org, project);
  queryClient.setQueryData<MembersResponse>(key, (data) => (data ? update(data) : data));
  void queryClient.invalidateQueries({ queryKey: key });
}

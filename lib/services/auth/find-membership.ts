import type { DbHandle } from "../../../db/client";
import type { Role } from "../../auth/permissions";
import type { ProjectRef } from "../context";

export interface MembershipRecord {
  userId: string;
  email: string;
  role: Role;
  /** Null when the organization exists and the user belongs to it, but it has no such project. */
  project: ProjectRef | null;
}

/** A signed-in user's role in the URL's organization, and that organization's project; null if not a member. */
export async function findMembership(
  handle: DbHandle,
  userId: string,
  orgName: string,
  projectName: string,
): Promise<MembershipRecord | null> {
  const rows = await handle.query<{
    email: string;
    role: Role;
    org_id: string;
    org_name: string;
    project_id: string | null;
    project_name: string | null;
    timezone: string | null;
  }>(
    `select u.email, m.role, o.id as org_id, o.name as org_name, p.id as project_id, p.name as project_name, p.timezone
       from memberships m
       join users u on u.id = m.user_id
       join organizations o on o.id = m.org_id
       left join projects p on p.org_id = o.id and p.name = $3
      where m.user_id = $1 and o.name = $2`,
    [userId, orgName, projectName],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId,
    email: row.email,
    role: row.role,
    project:
      row.project_id && row.project_name && row.timezone
        ? { id: row.project_id, name: row.project_name, orgId: row.org_id, orgName: row.org_name, timezone: row.timezone }
        : null,
  };
}

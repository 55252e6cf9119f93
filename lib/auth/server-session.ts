import "server-only";
import { getServerSession } from "next-auth";
import { getDbHandle } from "../../db/connection";
import { getUser, listUserProjects, type ProjectAccess } from "../services/users/list-user-projects";
import { authOptions } from "./options";

/** The signed-in user in a server component or page, or null. */
export async function currentUser(): Promise<{ id: string; email: string; name: string | null } | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getUser((await getDbHandle()).db, id);
}

export async function currentUserProjects(userId: string): Promise<ProjectAccess[]> {
  return listUserProjects((await getDbHandle()).db, userId);
}

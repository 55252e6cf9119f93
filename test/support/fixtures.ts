import { randomBytes } from "node:crypto";
import { getDbHandle } from "@/db/connection";
import type { Scope } from "@/lib/auth/api-keys";
import type { Actor } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { createProject } from "@/lib/services/projects/create-project";
import { createSource } from "@/lib/services/sources/create-source";

const SYSTEM: Actor = { type: "system", label: "test" };

export const uniqueName = (stem: string) => `${stem}-${randomBytes(5).toString("hex")}`;

export interface TestProject {
  org: string;
  project: string;
  ctx: ServiceContext;
  /** `prefix.secret` keys: one with every scope, and one per single scope. */
  keys: { all: string; decide: string; track: string; manage: string };
  newKey(scopes: Scope[]): Promise<string>;
  /** The API path prefix `/api/v1/{org}/projects/{project}`. */
  base: string;
}

/** A fresh organization and project with API keys, for one test. */
export async function createTestProject(options: { timezone?: string } = {}): Promise<TestProject> {
  const handle = await getDbHandle();
  const org = await createOrganization({ db: handle.db, actor: SYSTEM }, { name: uniqueName("org") });
  const project = await createProject(
    { db: handle.db, actor: SYSTEM },
    { orgName: org.name, name: uniqueName("prj"), timezone: options.timezone },
  );
  const ctx: ServiceContext = { db: handle.db, handle, actor: SYSTEM, project, requestId: "test" };
  const newKey = async (scopes: Scope[]) => (await createSource(ctx, { name: scopes.join("+"), scopes })).key;
  return {
    org: org.name,
    project: project.name,
    ctx,
    keys: {
      all: await newKey(["decide", "track", "manage"]),
      decide: await newKey(["decide"]),
      track: await newKey(["track"]),
      manage: await newKey(["manage"]),
    },
    newKey,
    base: `/api/v1/${org.name}/projects/${project.name}`,
  };
}

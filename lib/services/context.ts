import type { Database, DbHandle } from "../../db/client";
import type { Actor } from "../auth/permissions";

/** The project a request is about, resolved from the URL's org and project names. */
export interface ProjectRef {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  timezone: string;
}

/** What every service verb receives: who is acting, on which project, with which database. */
export interface ServiceContext {
  db: Database;
  handle: DbHandle;
  actor: Actor;
  project: ProjectRef;
  requestId: string;
}

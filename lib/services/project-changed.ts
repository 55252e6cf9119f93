import { publishChange } from "../cache/change-bus";
import type { ServiceContext } from "./context";

/**
 * Tells every instance that the project's configuration changed, so its decision cache is rebuilt
 * (SPEC §9: within a second). Call it after the transaction of any write that choose-api could see.
 */
export async function projectChanged(ctx: Pick<ServiceContext, "handle" | "project">): Promise<void> {
  await publishChange(ctx.handle, { kind: "project", projectId: ctx.project.id });
}

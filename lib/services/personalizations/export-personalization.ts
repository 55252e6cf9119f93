import type { ExportedDocument } from "../../schemas/personalization-document";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { loadParts, toExportedDocument } from "./personalization-view";

/**
 * The personalization as a self-contained document (SPEC §6.3): no ids, no version or status, no
 * reference to this project but segment keys in audiences and group names. Payloads started from a
 * template are already copies, so nothing else needs resolving.
 */
export async function exportPersonalization(ctx: ServiceContext, id: string): Promise<ExportedDocument> {
  requireAccess(ctx, "read");
  return toExportedDocument(await loadParts(ctx.db, ctx.project.id, id));
}

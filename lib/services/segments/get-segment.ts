import type { Segment } from "../../schemas/segments";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findSegmentRow } from "./find-segment";
import { toSegmentView } from "./segment-view";

/** One segment, by id or key. */
export async function getSegment(ctx: ServiceContext, ref: string): Promise<Segment> {
  requireAccess(ctx, "read");
  return toSegmentView(ctx.db, ctx.project.id, await findSegmentRow(ctx.db, ctx.project.id, ref));
}

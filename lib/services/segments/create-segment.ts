import { segments } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { createSegmentSchema, type Segment } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { checkSegmentCondition } from "./check-condition";
import { lockSegmentGraph } from "./find-segment";
import { segmentKeyTaken } from "./segment-conflict";
import { toSegmentView } from "./segment-view";

/** Creates a rule segment (a saved, validated condition) or an empty static segment. */
export async function createSegment(ctx: ServiceContext, input: unknown): Promise<Segment> {
  requireAccess(ctx, "write");
  const { key, name, description, type, condition } = parseValue(input, createSegmentSchema);
  const projectId = ctx.project.id;
  let segment: Segment;
  try {
    segment = await ctx.db.transaction(async (tx) => {
      await lockSegmentGraph(tx, projectId);
      if (type === "rule" && condition) await checkSegmentCondition(tx, projectId, key, condition, null);
      const [row] = await tx
        .insert(segments)
        .values({ projectId, key, name, description: description ?? null, type, condition: type === "rule" ? condition : null })
        .returning();
      const view = await toSegmentView(tx, projectId, row);
      await writeAudit(tx, auditScope(ctx), { action: "segment.create", entityType: "segment", entityId: row.id, after: view });
      return view;
    });
  } catch (error) {
    throw segmentKeyTaken(error, key);
  }
  await projectChanged(ctx);
  return segment;
}

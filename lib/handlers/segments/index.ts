import { z } from "zod";
import { AppError } from "../../errors";
import { isJsonContentType, parseBody, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import type { ApiRequest } from "../../http/types";
import { MAX_CSV_BYTES, createSegmentSchema, segmentMembersSchema, updateSegmentSchema } from "../../schemas/segments";
import { addSegmentMembers } from "../../services/segments/add-members";
import { createSegment } from "../../services/segments/create-segment";
import { deleteSegment } from "../../services/segments/delete-segment";
import { getSegment } from "../../services/segments/get-segment";
import { importSegmentMembersCsv } from "../../services/segments/import-members-csv";
import { listSegments } from "../../services/segments/list-segments";
import { removeSegmentMembers } from "../../services/segments/remove-members";
import { updateSegment } from "../../services/segments/update-segment";

/** 10 000 ids of up to 256 characters do not fit the default 1 MiB. */
const MEMBERS_JSON_LIMIT = 4 * 1024 * 1024;

const segmentRef = (req: ApiRequest) =>
  parseValue(req.params, z.object({ segmentId: z.string().min(1).max(200, "is too long") }), "path").segmentId;

const isCsv = (contentType: string | null) => contentType?.split(";")[0].trim().toLowerCase() === "text/csv";

export const listSegmentsHandler = withAuth(async (_req, ctx) => ({ status: 200, body: { segments: await listSegments(ctx) } }), {
  scope: "manage",
});

export const createSegmentHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createSegment(ctx, await parseBody(req, createSegmentSchema)) }),
  { scope: "manage" },
);

/** `{segmentId}` is the segment's id or its key. */
export const getSegmentHandler = withAuth(async (req, ctx) => ({ status: 200, body: await getSegment(ctx, segmentRef(req)) }), {
  scope: "manage",
});

export const updateSegmentHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await updateSegment(ctx, segmentRef(req), await parseBody(req, updateSegmentSchema)) }),
  { scope: "manage" },
);

export const deleteSegmentHandler = withAuth(
  async (req, ctx) => {
    await deleteSegment(ctx, segmentRef(req));
    return { status: 204 };
  },
  { scope: "manage" },
);

/** JSON `{ userIds }` (≤ 10 000), or a `text/csv` upload (≤ 20 MiB) parsed and inserted as it streams in. */
export const addSegmentMembersHandler = withAuth(
  async (req, ctx) => {
    const ref = segmentRef(req);
    const contentType = req.header("content-type");
    if (isCsv(contentType)) {
      if (!req.bodyStream) {
        throw new AppError("unsupported_media_type", 'This server does not take CSV uploads; send JSON {"userIds": [...]}.');
      }
      return { status: 200, body: await importSegmentMembersCsv(ctx, ref, req.bodyStream(MAX_CSV_BYTES)) };
    }
    if (!isJsonContentType(contentType)) {
      throw new AppError(
        "unsupported_media_type",
        `Send the user ids as JSON {"userIds": [...]} with "Content-Type: application/json", or as a CSV file with "Content-Type: text/csv"${contentType ? ` (got "${contentType}")` : ""}.`,
      );
    }
    return { status: 200, body: await addSegmentMembers(ctx, ref, await parseBody(req, segmentMembersSchema, MEMBERS_JSON_LIMIT)) };
  },
  { scope: "manage" },
);

export const removeSegmentMembersHandler = withAuth(
  async (req, ctx) => ({
    status: 200,
    body: await removeSegmentMembers(ctx, segmentRef(req), await parseBody(req, segmentMembersSchema, MEMBERS_JSON_LIMIT)),
  }),
  { scope: "manage" },
);

// GET, PATCH, DELETE …/segments/{segmentId} — read, edit, delete a segment (refused while referenced)
import { deleteSegmentHandler, getSegmentHandler, updateSegmentHandler } from "@/lib/handlers/segments";
import { route } from "@/lib/http/next";

export const GET = route(getSegmentHandler);
export const PATCH = route(updateSegmentHandler);
export const DELETE = route(deleteSegmentHandler);

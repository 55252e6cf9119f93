// POST, DELETE …/segments/{segmentId}/members — add user ids to a static segment (JSON or streamed CSV); remove some
import { addSegmentMembersHandler, removeSegmentMembersHandler } from "@/lib/handlers/segments";
import { route } from "@/lib/http/next";

export const POST = route(addSegmentMembersHandler);
export const DELETE = route(removeSegmentMembersHandler);

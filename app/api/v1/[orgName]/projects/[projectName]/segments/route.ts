// GET, POST …/segments — list the segments; create a rule or static segment
import { createSegmentHandler, listSegmentsHandler } from "@/lib/handlers/segments";
import { route } from "@/lib/http/next";

export const GET = route(listSegmentsHandler);
export const POST = route(createSegmentHandler);

// POST …/preview — a test profile's decisions with rendered payloads and traces; writes nothing
import { previewHandler } from "@/lib/handlers/preview";
import { route } from "@/lib/http/next";

export const POST = route(previewHandler);

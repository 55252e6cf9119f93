// POST …/sources/{sourceId}/track — track for the key's own source (Intempt's SDK path)
import { sourceTrackHandler } from "@/lib/handlers/track";
import { route } from "@/lib/http/next";

export const POST = route(sourceTrackHandler);

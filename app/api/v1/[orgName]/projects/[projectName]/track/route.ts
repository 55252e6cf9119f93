// POST …/track — store events and identity writes, all or nothing; 202 after commit
import { trackHandler } from "@/lib/handlers/track";
import { route } from "@/lib/http/next";

export const POST = route(trackHandler);

// GET /api/health — is the database reachable, are the migrations current
import { healthHandler } from "@/lib/handlers/health";
import { route } from "@/lib/http/next";

export const dynamic = "force-dynamic";
export const GET = route(healthHandler);

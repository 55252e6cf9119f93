// POST /api/internal/cli — runs `npm run cli` commands inside the server that holds the embedded database
import { cliHandler } from "@/lib/handlers/internal-cli";
import { route } from "@/lib/http/next";

export const dynamic = "force-dynamic";
export const POST = route(cliHandler);

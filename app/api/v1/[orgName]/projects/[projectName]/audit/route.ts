// GET …/audit — who changed what, newest first (filters entity, id; paged by before)
import { listAuditHandler } from "@/lib/handlers/audit";
import { route } from "@/lib/http/next";

export const GET = route(listAuditHandler);

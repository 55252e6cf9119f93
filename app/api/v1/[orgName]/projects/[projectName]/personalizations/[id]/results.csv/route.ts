// GET …/personalizations/{id}/results.csv — the results table as CSV (one row per experience, metric and arm)
import { getResultsCsvHandler } from "@/lib/handlers/results";
import { route } from "@/lib/http/next";

export const GET = route(getResultsCsvHandler);

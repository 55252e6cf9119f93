// GET …/personalizations/{id}/results — per experience and arm: users, metric statistics, uplift, tests, SRM, daily series
import { getResultsHandler } from "@/lib/handlers/results";
import { route } from "@/lib/http/next";

export const GET = route(getResultsHandler);

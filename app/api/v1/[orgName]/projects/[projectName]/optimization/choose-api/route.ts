// POST …/optimization/choose-api — pick each selector's experience for one visitor
import { chooseHandler } from "@/lib/handlers/choose";
import { route } from "@/lib/http/next";

export const POST = route(chooseHandler);

import pino from "pino";
import { env } from "./env";

/** Structured JSON logs on stdout. Every request's lines carry its `requestId`. */
export const logger = pino({
  level: process.env.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : env().LOG_LEVEL,
  base: { service: "bespoke" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = typeof logger;

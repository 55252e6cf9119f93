import { z } from "zod";
import "zod-openapi";

/** The JSON error shape of every non-2xx answer (SPEC §6). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string().meta({ example: "The request body is invalid: name: must not be empty." }),
      details: z
        .unknown()
        .optional()
        .meta({ description: "For invalid input, one entry per bad field: `{ path, message, code }`." }),
      requestId: z.string().meta({ description: "Also sent as the `x-request-id` header. Quote it when reporting a problem." }),
    }),
  })
  .meta({ id: "Error" });

export const isoDateTime = z.string().meta({ format: "date-time", example: "2026-11-28T12:00:00.000Z" });

import pino from "pino";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { errorResponse, isDatabaseUnavailable } from "./errors";

const lines: string[] = [];
const log = pino({ level: "error" }, { write: (line: string) => lines.push(line) });

describe("errorResponse", () => {
  it("keeps an AppError's code, message and details", () => {
    const res = errorResponse(new AppError("version_conflict", "Stale.", { currentVersion: 3 }), "req_1", log);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "version_conflict", message: "Stale.", details: { currentVersion: 3 }, requestId: "req_1" } });
  });

  it("turns a ZodError into a 400 naming each field", () => {
    const result = z.object({ name: z.string(), n: z.number() }).safeParse({ n: "x" });
    const res = errorResponse(result.error, "req_2", log);
    expect(res.status).toBe(400);
    const details = (res.body as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path).sort()).toEqual(["n", "name"]);
  });

  it("never echoes an unknown error, and logs it with its stack", () => {
    lines.length = 0;
    const res = errorResponse(new Error("relation \"secret_table\" does not exist"), "req_3", log);
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("secret_table");
    expect((res.body as { error: { requestId: string } }).error.requestId).toBe("req_3");
    expect(lines.join("")).toContain("secret_table");
    expect(lines.join("")).toContain("stack");
  });

  it("answers 503 with Retry-After when the database is unreachable", () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const res = errorResponse(new Error("query failed", { cause: down }), "req_4", log);
    expect(res.status).toBe(503);
    expect(res.headers?.["retry-after"]).toBeDefined();
  });

  it("recognises connection-class SQLSTATEs but not ordinary SQL errors", () => {
    expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "08006" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
  });
});

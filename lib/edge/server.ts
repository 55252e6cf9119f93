import http from "node:http";
import { edgeRoutes } from "../handlers/edge-routes";
import { AppError } from "../errors";
import { requestIdFrom, runApi, serializeBody } from "../http/handler";
import { tooLarge } from "../http/parse-body";
import type { ApiHandler, ApiRequest, ApiResponse } from "../http/types";
import { createRouter } from "./router";

/** Reads an IncomingMessage body, failing with a 413 as soon as it passes `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function notFound(): ApiHandler {
  return async () => {
    throw new AppError("not_found", "No such endpoint on the edge server: it serves choose-api, track and health.");
  };
}

function methodNotAllowed(allowed: string[]): ApiHandler {
  return async () => {
    throw new AppError("method_not_allowed", `Use ${allowed.join(" or ")} on this path.`, undefined, { allow: allowed.join(", ") });
  };
}

function send(res: http.ServerResponse, response: ApiResponse): void {
  const { body, contentType } = serializeBody(response);
  const headers: Record<string, string | number> = { ...response.headers };
  if (contentType) headers["content-type"] = contentType;
  if (body !== null) headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}

/**
 * The lean decision server (issue #4): Node's `http`, no framework, the same handlers as the Next.js
 * route files through the same `runApi` (errors, request id, logging).
 */
export function createEdgeServer(): http.Server {
  const match = createRouter(edgeRoutes);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://edge");
    const found = match(req.method ?? "GET", url.pathname);
    const handler = !found ? notFound() : "handler" in found ? found.handler : methodNotAllowed(found.allowed);
    const apiRequest: ApiRequest = {
      method: req.method ?? "GET",
      url,
      header: (name) => {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
      params: found && "params" in found ? found.params : {},
      requestId: requestIdFrom((req.headers["x-request-id"] as string | undefined) ?? null),
      readBody: (limit) => readBody(req, limit),
    };
    runApi(handler, apiRequest).then(
      (response) => send(res, response),
      () => send(res, { status: 500, body: { error: { code: "internal_error", message: "An unexpected error occurred.", requestId: apiRequest.requestId } } }),
    );
  });
}

import { sessionUserIdFrom } from "../auth/session";
import { requestIdFrom, runApi, serializeBody } from "./handler";
import { readStreamWithLimit, tooLarge } from "./parse-body";
import type { ApiHandler, ApiRequest } from "./types";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Adapts a framework-neutral handler to a Next.js App Router route handler. */
export function route(handler: ApiHandler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const raw = context?.params ? await context.params : {};
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === "string") params[key] = value;
      else if (Array.isArray(value)) params[key] = value.join("/");
    }
    const req: ApiRequest = {
      method: request.method,
      url: new URL(request.url),
      header: (name) => request.headers.get(name),
      params,
      requestId: requestIdFrom(request.headers.get("x-request-id")),
      readBody: (limit) => readStreamWithLimit(request.body, limit, request.headers.get("content-length")),
      bodyStream: (limit) => streamWithLimit(request.body, limit, request.headers.get("content-length")),
      sessionUserId: () => sessionUserIdFrom(request),
    };
    const response = await runApi(handler, req);
    const { body, contentType } = serializeBody(response);
    const headers = new Headers(response.headers);
    if (contentType) headers.set("content-type", contentType);
    return new Response(body === null ? null : typeof body === "string" ? body : new Uint8Array(body), {
      status: response.status,
      headers,
    });
  };
}

/** Yields the body's chunks as they arrive, failing with a 413 once more than `limit` bytes came in. */
async function* streamWithLimit(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  declaredLength: string | null,
): AsyncGenerator<Uint8Array> {
  if (declaredLength !== null && Number(declaredLength) > limit) throw tooLarge(limit);
  if (!stream) return;
  const reader = stream.getReader();
  let size = 0;
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      size += next.value.byteLength;
      if (size > limit) throw tooLarge(limit);
      yield next.value;
    }
  } finally {
    // Stopped early (too large, or the consumer gave up): tell the client side we are not reading on.
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

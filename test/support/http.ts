type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  /** Path (and query) of the request, e.g. `/api/v1/acme/projects/shop/personalizations?status=running`. */
  path: string;
  params?: Record<string, string | string[]>;
  /** A JSON value (sent with Content-Type: application/json), or a raw string with its own content type. */
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <key>`. */
  key?: string;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

/** Calls a Next.js route handler in-process, exactly as Next would, and decodes its JSON answer. */
export async function call<T = any>(handler: RouteHandler, options: CallOptions): Promise<CallResult<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost${options.path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json: json as T, text };
}

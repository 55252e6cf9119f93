/**
 * The framework-neutral request and response that every API handler speaks. The Next.js route
 * handlers and the lean edge server are two thin adapters over these (lib/http/next.ts,
 * lib/edge/server.ts): one implementation of each endpoint, no copy.
 */
export interface ApiRequest {
  method: string;
  /** Path and query of the request. */
  url: URL;
  header(name: string): string | null;
  /** Route parameters, already decoded. */
  params: Record<string, string>;
  requestId: string;
  /** Reads the raw body, rejecting one larger than `limit` bytes with a 413. */
  readBody(limit: number): Promise<Buffer>;
  /** The signed-in console user, when the adapter has a session (Next.js only). */
  sessionUserId?: () => Promise<string | null>;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless it is a string or a Buffer (sent as is). */
  body?: unknown;
}

export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

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
  /**
   * The raw body as it arrives, for uploads too large to buffer (a segment's CSV). Fails with a 413
   * as soon as more than `limit` bytes came in. Read the body once: this or `readBody`, not both.
   * Optional: an adapter without it cannot serve streaming endpoints.
   */
  bodyStream?: (limit: number) => AsyncIterable<Uint8Array>;
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

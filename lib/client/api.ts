// The console's client for Bespoke's own API: same routes as everyone else, authenticated by the
// session cookie. Errors come back as ApiClientError carrying the API's code, message and details.

export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = "ApiClientError";
  }

  /** Field errors as `{ "experiences.0.payload.title": "…" }`, for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const d of this.details as ApiErrorDetail[]) if (d && typeof d.path === "string" && !(d.path in out)) out[d.path] = d.message;
    }
    return out;
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    if (typeof init.body === "string" || init.body instanceof Blob || init.body instanceof ReadableStream) {
      body = init.body as BodyInit;
    } else {
      body = JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
  }
  const response = await fetch(path, { method: init.method ?? (body ? "POST" : "GET"), headers, body, credentials: "same-origin" });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | null)?.error;
    throw new ApiClientError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
      error?.requestId ?? response.headers.get("x-request-id"),
    );
  }
  return json as T;
}

/** `/api/v1/{org}/projects/{project}` + path. */
export function projectApi(org: string, project: string, path = ""): string {
  return `/api/v1/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}${path}`;
}

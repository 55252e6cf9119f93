import type { AddedMembers } from "@/lib/schemas/segments";
import { ApiClientError } from "@/lib/client/api";

export interface UploadProgress {
  /** Bytes sent so far and in all. */
  loaded: number;
  total: number;
  /** `processing`: every byte is sent; the server is finishing the inserts and committing. */
  phase: "uploading" | "processing";
}

export interface CsvUpload {
  promise: Promise<AddedMembers>;
  abort: () => void;
}

/**
 * Streams a CSV file to `…/segments/{id}/members` with upload progress. `fetch` cannot report
 * request-body progress (a streamed body needs HTTP/2 and `duplex: "half"`), so this uses XHR, whose
 * `upload.onprogress` counts the bytes as they leave. The file is sent as is (the browser reads it
 * from disk in chunks), and the server parses and inserts while it arrives.
 */
export function uploadCsv(
  url: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
): CsvUpload {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<AddedMembers>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : file.size;
      onProgress({ loaded: event.loaded, total, phase: event.loaded >= total ? "processing" : "uploading" });
    };
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, phase: "processing" });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as AddedMembers);
        return;
      }
      const error = (
        body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | null
      )?.error;
      reject(
        new ApiClientError(
          xhr.status,
          error?.code ?? "http_error",
          error?.message ??
            (xhr.status === 413 ? "The file is larger than 20 MiB." : `The server answered ${xhr.status}.`),
          error?.details,
          error?.requestId ?? xhr.getResponseHeader("x-request-id"),
        ),
      );
    };
    xhr.onerror = () => reject(new TypeError("The upload could not reach the server."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    onProgress({ loaded: 0, total: file.size, phase: "uploading" });
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  return `${value.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}

/** User ids typed or pasted: one per line, or separated by commas, semicolons or tabs (spaces around them are dropped). */
export function parseIdList(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\n\r,;\t]+/)) {
    const id = raw.trim().replace(/^"(.*)"$/, "$1");
    if (id !== "") seen.add(id);
  }
  return [...seen];
}

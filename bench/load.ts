// One load run with autocannon on loopback: requests/s, p50, p99, errors (non-2xx count as errors).
import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface LoadSpec {
  name: string;
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** A new body per request (e.g. a random visitor). */
  body: () => string;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    pipelining: 1,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", ...spec.headers },
        setupRequest: (req) => ({ ...req, body: spec.body() }),
      },
    ],
  });
  return {
    name: spec.name,
    connections: spec.connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

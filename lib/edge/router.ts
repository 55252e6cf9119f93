import type { EdgeRoute } from "../handlers/edge-routes";
import type { ApiHandler } from "../http/types";

interface CompiledRoute {
  method: string;
  segments: string[];
  handler: ApiHandler;
}

export type RouteMatch = { handler: ApiHandler; params: Record<string, string> } | { allowed: string[] } | null;

/** A small exact-segment router: enough for a handful of routes, with no regex per request. */
export function createRouter(routes: EdgeRoute[]) {
  const compiled: CompiledRoute[] = routes.map((r) => ({ method: r.method, segments: r.pattern.split("/").filter(Boolean), handler: r.handler }));
  return function match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split("/").filter(Boolean);
    const allowed: string[] = [];
    for (const route of compiled) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i];
        if (seg.startsWith(":")) {
          try {
            params[seg.slice(1)] = decodeURIComponent(parts[i]);
          } catch {
            ok = false;
            break;
          }
        } else if (seg !== parts[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (route.method === method) return { handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : null;
  };
}

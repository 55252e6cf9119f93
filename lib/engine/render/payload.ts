import type { Template } from "liquidjs";
import { LIQUID_LIMITS, NOW_KEY, liquidFor, renderBounded } from "./liquid";

/**
 * Payload templating (SPEC §5). Every string value in a payload is a Liquid template (object keys
 * are not). Strings are parsed once, when the project's config is compiled; strings with no
 * `{{` or `{%` are kept as they are and cost nothing to "render". A payload with no template at
 * all renders to the very same object: treat rendered bodies as read-only.
 */

/** What templates can read. Missing values render as empty; `| default: "there"` fills them. */
export interface RenderScope {
  /** The evaluation document's `user`, `account` and the request's attributes. */
  readonly attribute: Readonly<Record<string, unknown>>;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly session: Readonly<Record<string, unknown>>;
  readonly request: Readonly<Record<string, unknown>>;
}

export type RenderResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly path: string; readonly error: string };

export interface CompiledPayload {
  readonly hasTemplates: boolean;
  render(scope: RenderScope, now: number): RenderResult;
}

export interface PayloadProblem {
  /** JSON path of the string, dot-separated: `"title"`, `"items.0.text"`; `""` for the root. */
  readonly path: string;
  readonly message: string;
}

export const MAX_PAYLOAD_BYTES = 65_536;

const MARKER = /\{\{|\{%/;

class RenderFailure extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

interface Budget {
  remaining: number;
}

type Node = (scope: Record<string, unknown>, budget: Budget) => unknown;

export function compilePayload(payload: unknown, timezone = "UTC"): CompiledPayload {
  const engine = liquidFor(timezone);
  let hasTemplates = false;

  const build = (value: unknown, path: string): Node | null => {
    if (typeof value === "string") {
      if (!MARKER.test(value)) return null;
      hasTemplates = true;
      let templates: Template[];
      try {
        templates = engine.parse(value);
      } catch (error) {
        const message = messageOf(error);
        return () => {
          throw new RenderFailure(path, message);
        };
      }
      return (scope, budget) => {
        let out: unknown;
        try {
          out = renderBounded(engine, templates, scope);
        } catch (error) {
          throw new RenderFailure(path, messageOf(error));
        }
        const text = typeof out === "string" ? out : String(out);
        budget.remaining -= text.length;
        if (budget.remaining < 0) throw new RenderFailure(path, `rendered payload exceeds ${LIQUID_LIMITS.outputLimit} characters`);
        return text;
      };
    }
    if (Array.isArray(value)) {
      const children = value.map((item, i) => build(item, join(path, i)));
      if (children.every((c) => c === null)) return null;
      return (scope, budget) => value.map((item, i) => {
        const child = children[i];
        return child === null ? item : child(scope, budget);
      });
    }
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      const children = entries.map(([key, item]) => build(item, join(path, key)));
      if (children.every((c) => c === null)) return null;
      return (scope, budget) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < entries.length; i++) {
          const child = children[i];
          out[entries[i][0]] = child === null ? entries[i][1] : child(scope, budget);
        }
        return out;
      };
    }
    return null;
  };

  const root = build(payload, "");
  return {
    hasTemplates,
    render(scope, now) {
      if (root === null) return { ok: true, body: payload };
      try {
        const body = root({ ...scope, [NOW_KEY]: now }, { remaining: LIQUID_LIMITS.outputLimit });
        return { ok: true, body };
      } catch (error) {
        if (error instanceof RenderFailure) return { ok: false, path: error.path, error: error.message };
        return { ok: false, path: "", error: messageOf(error) };
      }
    },
  };
}

/**
 * Save-time check: the payload's size, and every template's syntax, each problem named by the
 * JSON path of its string.
 */
export function validatePayloadTemplates(payload: unknown, timezone = "UTC"): PayloadProblem[] {
  const problems: PayloadProblem[] = [];
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    json = undefined;
  }
  if (json === undefined) return [{ path: "", message: "the payload must be a JSON value" }];
  if (new TextEncoder().encode(json).length > MAX_PAYLOAD_BYTES) {
    problems.push({ path: "", message: `the payload exceeds ${MAX_PAYLOAD_BYTES / 1024} KiB` });
  }
  const engine = liquidFor(timezone);
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (!MARKER.test(value)) return;
      try {
        engine.parse(value);
      } catch (error) {
        problems.push({ path, message: messageOf(error) });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, join(path, i)));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) walk(item, join(path, key));
    }
  };
  walk(payload, "");
  return problems;
}

function join(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // liquidjs appends a source excerpt on following lines; the first line says what is wrong.
  return text.split("\n")[0];
}

import { Liquid, type FilterImplOptions } from "liquidjs";

type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;
type FilterThis = ThisParameterType<FilterHandler>;

/**
 * The Liquid engine that renders payloads, one per project time zone (the zone is where `date`
 * formats by default), created once and reused.
 *
 * Templates are written by console users and rendered on every request, so the engine is
 * sandboxed and bounded:
 *   - no file system: `include`, `render` and `layout` are replaced by tags that fail at parse
 *     time, so a template that names a file is rejected when it is saved;
 *   - `ownPropertyOnly`: no reading through prototypes;
 *   - `strictFilters`: an unknown filter is a save-time error, not silent output;
 *   - limits on parse size, render time, renders of tags/outputs (loops) and memory, plus an
 *     output-size cap checked by the payload renderer;
 *   - no clock: `"now" | date` means the decision's `now`, passed in like everywhere in the engine.
 */

export const LIQUID_LIMITS = {
  /** Characters of one template (a payload is at most 64 KiB anyway). */
  parseLimit: 65_536,
  /** Milliseconds for one string's render. */
  renderLimit: 50,
  /** Tag and output renders in one string's render: bounds loops. */
  templateLimit: 10_000,
  /** liquidjs's allocation units (string and array growth) in one render. */
  memoryLimit: 10_000_000,
  /** Characters of the whole rendered payload. */
  outputLimit: 262_144,
} as const;

/** Where the decision's instant travels in the render scope, for the `date` filters. */
export const NOW_KEY = "__bespoke_now_ms";

const engines = new Map<string, Liquid>();

export function liquidFor(timezone: string): Liquid {
  let engine = engines.get(timezone);
  if (engine === undefined) {
    engine = createEngine(timezone);
    engines.set(timezone, engine);
  }
  return engine;
}

function createEngine(timezone: string): Liquid {
  const engine = new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: false,
    lenientIf: true,
    cache: false,
    relativeReference: false,
    root: [],
    partials: [],
    layouts: [],
    timezoneOffset: timezone,
    parseLimit: LIQUID_LIMITS.parseLimit,
    renderLimit: LIQUID_LIMITS.renderLimit,
    memoryLimit: LIQUID_LIMITS.memoryLimit,
  });
  for (const tag of ["include", "render", "layout"]) {
    engine.registerTag(tag, {
      parse() {
        throw new Error(`{% ${tag} %} is not available in payload templates`);
      },
      render() {
        return "";
      },
    });
  }
  for (const name of ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"]) {
    const original = engine.filters[name];
    if (original === undefined) continue;
    const handler = typeof original === "function" ? original : original.handler;
    engine.registerFilter(name, function (this: FilterThis, value: unknown, ...args: unknown[]) {
      if (value === "now" || value === "today") {
        const now = this.context.getSync([NOW_KEY]);
        // liquidjs reads numbers as epoch seconds.
        if (typeof now === "number") value = now / 1000;
      }
      return handler.call(this, value, ...args);
    });
  }
  return engine;
}

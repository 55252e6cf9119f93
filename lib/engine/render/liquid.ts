import { Context, Liquid, type FilterImplOptions, type Template } from "liquidjs";

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
  /** Template renders (tags, outputs and text, every loop iteration's) in one string's render: bounds loops by count. */
  templateLimit: 10_000,
  /** liquidjs's allocation units (string and array growth) in one render. */
  memoryLimit: 10_000_000,
  /** Characters of the whole rendered payload. */
  outputLimit: 262_144,
} as const;

type Limiter = Context["renderLimit"];
/** liquidjs's limiter class (not exported by the package): the type of a context's limits. */
const LiquidLimiter = new Context().renderLimit.constructor as new (resource: string, limit: number) => Limiter;

/**
 * The render limiter of one string's render: liquidjs checks it, with the current time, before
 * every template it renders — each tag, output and piece of text, in every loop iteration. On top
 * of liquidjs's deadline it counts those checks, so a loop is bounded by
 * {@link LIQUID_LIMITS.templateLimit} renders whatever the machine's speed (liquidjs 10.30 declares
 * a `templateLimit` render option but does not enforce it).
 */
class RenderBudget extends LiquidLimiter {
  private renders = 0;

  constructor(private readonly maxRenders: number, ms: number) {
    super("template render", performance.now() + ms);
  }

  override check(now: number): void {
    this.renders += 1;
    if (this.renders > this.maxRenders) {
      throw new Error(`template render limit exceeded: more than ${this.maxRenders} tag and output renders (a loop that runs too long?)`);
    }
    super.check(now);
  }
}

/**
 * Renders parsed templates synchronously with every limit: a fresh context per call, carrying
 * the engine's options (memory limit included) and a {@link RenderBudget}.
 */
export function renderBounded(engine: Liquid, templates: Template[], scope: object): unknown {
  const context = new Context(scope, engine.options, { sync: true }, {
    renderLimit: new RenderBudget(LIQUID_LIMITS.templateLimit, LIQUID_LIMITS.renderLimit),
    liquid: engine,
  });
  return engine.renderSync(templates, context);
}

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

import { DEFAULT_EVENT_COUNT, parseEventSpec, type EventSpec } from "./event-spec";
import { compileOperator, compileValueTest, type ValueTest } from "./operators";
import { getPath, splitPath } from "./path";
import type { CompiledCondition, ConditionTrace, EngineEvent, EvalEnv, FieldTrace } from "./types";
import { isOperatorObject, isPlainObject } from "./values";

/**
 * Compiles a condition into closures. All the inspection of the condition (which operator, which
 * operand, dotted paths split, regexes built, `$in` lists turned into sets) happens once here; a
 * compiled condition is then evaluated for many documents without looking at the JSON again.
 *
 * Semantics are GrowthBook's (`evalCondition`), plus Bespoke's extensions at any place a
 * condition object can stand:
 *   - `{"$segment": key}`   a rule segment's condition on the same document, or membership of a
 *                           static segment (cycle-safe: a segment met again while it is being
 *                           evaluated is false);
 *   - `{"$event": {...}}`   how many of the profile's events match (name, window, `where`);
 *   - `{"$everyone": true}` every document.
 * Any other key, including unknown `$keys`, is a field path, exactly as GrowthBook reads it (its
 * conformance cases use a `$groups` attribute). Structurally malformed parts (a `$and` that is
 * not an array, a `$event` without a name, …) evaluate to false; `validateCondition` rejects them
 * at save time, so only hand-made data reaches that path.
 *
 * `explain` makes the same decision as `test` but evaluates every branch, so a trace shows all
 * failing conditions rather than the first one. Neither throws.
 */
export function compileCondition(condition: unknown): CompiledCondition {
  const root = compileObject(condition, "");
  // JavaScript's coercions can throw on hostile documents (`{"toString": 1}` cannot become a
  // string). GrowthBook would throw; a decision must not, so such an evaluation fails closed.
  return {
    test: (doc, env) => {
      try {
        return root.test(doc, env);
      } catch {
        return false;
      }
    },
    explain: (doc, env) => {
      try {
        return root.explain(doc, env);
      } catch (error) {
        return { kind: "invalid", passed: false, path: "", message: `evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

const TRUE: CompiledCondition = {
  test: () => true,
  explain: () => ({ kind: "all", passed: true, children: [] }),
};

function compileObject(condition: unknown, at: string): CompiledCondition {
  if (condition === null || typeof condition !== "object") {
    return invalid(at, "a condition must be an object");
  }
  const parts: CompiledCondition[] = [];
  for (const [key, value] of Object.entries(condition)) parts.push(compileEntry(key, value, join(at, key)));
  return allOf(parts);
}

/** Shared with `$elemMatch`, which tests array elements against a nested condition. */
function conditionTest(condition: unknown): (doc: unknown, env: EvalEnv) => boolean {
  return compileObject(condition, "").test;
}

function compileEntry(key: string, value: unknown, at: string): CompiledCondition {
  switch (key) {
    case "$and":
    case "$or":
    case "$nor":
      if (!Array.isArray(value)) return invalid(at, `${key} takes an array of conditions`);
      return logical(key, value.map((item, i) => compileObject(item, `${at}.${i}`)));
    case "$not":
      return not(compileObject(value, at));
    case "$segment":
      return typeof value === "string" ? segment(value) : invalid(at, "$segment takes a segment key");
    case "$event": {
      const { spec } = parseEventSpec(value);
      return spec === null ? invalid(at, "malformed $event") : event(spec, at);
    }
    case "$everyone": {
      const passed = value === true;
      return { test: () => passed, explain: () => ({ kind: "everyone", passed }) };
    }
    default:
      return field(key, value);
  }
}

function allOf(parts: CompiledCondition[]): CompiledCondition {
  if (parts.length === 0) return TRUE;
  if (parts.length === 1) return parts[0];
  const tests = parts.map((p) => p.test);
  return {
    test: (doc, env) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i](doc, env)) return false;
      return true;
    },
    explain: (doc, env) => {
      const children: ConditionTrace[] = [];
      for (const part of parts) {
        const trace = part.explain(doc, env);
        // A field with several operators explains as an "all" of leaves: flatten it in place.
        if (trace.kind === "all") children.push(...trace.children);
        else children.push(trace);
      }
      return { kind: "all", passed: children.every((c) => c.passed), children };
    },
  };
}

function logical(kind: "$and" | "$or" | "$nor", children: CompiledCondition[]): CompiledCondition {
  const tests = children.map((c) => c.test);
  // GrowthBook: an empty $or passes (so an empty $nor fails); an empty $and passes.
  const anyOf = (doc: unknown, env: EvalEnv) => {
    if (tests.length === 0) return true;
    for (let i = 0; i < tests.length; i++) if (tests[i](doc, env)) return true;
    return false;
  };
  const test =
    kind === "$and"
      ? (doc: unknown, env: EvalEnv) => {
          for (let i = 0; i < tests.length; i++) if (!tests[i](doc, env)) return false;
          return true;
        }
      : kind === "$or"
        ? anyOf
        : (doc: unknown, env: EvalEnv) => !anyOf(doc, env);
  const name = kind === "$and" ? "and" : kind === "$or" ? "or" : "nor";
  return {
    test,
    explain: (doc, env) => {
      const traces = children.map((c) => c.explain(doc, env));
      const any = traces.length === 0 || traces.some((t) => t.passed);
      const passed = name === "and" ? traces.every((t) => t.passed) : name === "or" ? any : !any;
      return { kind: name, passed, children: traces };
    },
  };
}

function not(child: CompiledCondition): CompiledCondition {
  const inner = child.test;
  return {
    test: (doc, env) => !inner(doc, env),
    explain: (doc, env) => {
      const trace = child.explain(doc, env);
      return { kind: "not", passed: !trace.passed, child: trace };
    },
  };
}

function invalid(path: string, message: string): CompiledCondition {
  return { test: () => false, explain: () => ({ kind: "invalid", passed: false, path, message }) };
}

function field(path: string, condition: unknown): CompiledCondition {
  const parts = splitPath(path);
  const single = parts.length === 1 ? parts[0] : null;
  const read =
    single !== null
      ? (doc: unknown): unknown =>
          doc !== null && typeof doc === "object" && single in doc ? (doc as Record<string, unknown>)[single] : null
      : (doc: unknown): unknown => getPath(doc, parts);
  const test = compileValueTest(condition, false, conditionTest);
  const leaves = fieldLeaves(path, condition);
  return {
    test: (doc, env) => test(read(doc), env),
    explain: (doc, env) => {
      const actual = read(doc);
      const children = leaves.map((leaf) => leaf(actual, env));
      return children.length === 1 ? children[0] : { kind: "all", passed: children.every((c) => c.passed), children };
    },
  };
}

/** One trace leaf per operator of an operator object, or one `=` leaf for a literal. */
function fieldLeaves(path: string, condition: unknown): ((actual: unknown, env: EvalEnv) => FieldTrace)[] {
  if (isPlainObject(condition) && isOperatorObject(condition)) {
    return Object.keys(condition).map((operator) => {
      const expected = condition[operator];
      const test: ValueTest = compileOperator(operator, expected, conditionTest);
      return (actual, env) => ({ kind: "field", passed: test(actual, env), path, operator, expected, actual });
    });
  }
  const test = compileValueTest(condition, false, conditionTest);
  return [(actual, env) => ({ kind: "field", passed: test(actual, env), path, operator: "=", expected: condition, actual })];
}

function segment(key: string): CompiledCondition {
  return {
    test: (_doc, env) => segmentMember(key, env),
    explain: (_doc, env) => {
      const definition = env.segments?.get(key);
      if (definition?.type === "rule") {
        if (env.visiting.has(key)) return { kind: "segment", passed: false, key, segmentType: "cycle" };
        env.visiting.add(key);
        try {
          const condition = definition.condition.explain(env.root, env);
          return { kind: "segment", passed: condition.passed, key, segmentType: "rule", condition };
        } finally {
          env.visiting.delete(key);
        }
      }
      const passed = env.staticSegments?.has(key) ?? false;
      return { kind: "segment", passed, key, segmentType: definition ? "static" : passed ? "static" : "unknown" };
    },
  };
}

function segmentMember(key: string, env: EvalEnv): boolean {
  const definition = env.segments?.get(key);
  if (definition?.type !== "rule") return env.staticSegments?.has(key) ?? false;
  const known = env.segmentMemo?.get(key);
  if (known !== undefined) return known;
  if (env.visiting.has(key)) {
    // A cycle: results computed from here on depend on where evaluation entered it, so stop memoising.
    env.segmentMemo = null;
    return false;
  }
  env.visiting.add(key);
  let passed: boolean;
  try {
    passed = definition.condition.test(env.root, env);
  } finally {
    env.visiting.delete(key);
  }
  env.segmentMemo?.set(key, passed);
  return passed;
}

const NO_EVENTS: readonly EngineEvent[] = [];

function event(spec: EventSpec, at: string): CompiledCondition {
  const { name, withinMs } = spec;
  const where = spec.where === null ? null : compileObject(spec.where, join(at, "where")).test;
  const countTest = compileValueTest(spec.count, false, conditionTest);
  // The usual "did it at least once" stops at the first match.
  const firstMatchDecides = spec.count === DEFAULT_EVENT_COUNT;
  const count = (env: EvalEnv, stopEarly: boolean): number => {
    const list = env.events?.byName(name) ?? NO_EVENTS;
    const to = env.now;
    const from = withinMs === null ? -Infinity : to - withinMs;
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      // Events after `now` have not happened yet as far as this decision is concerned.
      if (e.occurredAt > to || e.occurredAt < from) continue;
      if (where !== null && !where(e.properties, env)) continue;
      n++;
      if (stopEarly) break;
    }
    return n;
  };
  return {
    test: (_doc, env) => countTest(count(env, firstMatchDecides), env),
    explain: (_doc, env) => {
      const actual = count(env, false);
      return { kind: "event", passed: countTest(actual, env), name, actual, expected: spec.count, withinMs };
    },
  };
}

function join(at: string, key: string): string {
  return at === "" ? key : `${at}.${key}`;
}

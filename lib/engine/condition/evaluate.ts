import { compileCondition } from "./compile";
import { createEvalEnv } from "./env";
import type { CompiledCondition, SavedGroups } from "./types";

/**
 * GrowthBook's `evalCondition(attributes, condition, savedGroups)`: true when the attributes match.
 *
 * Conditions are compiled on first use and the compiled form is kept for as long as the condition
 * object lives (a `WeakMap`), so calling this repeatedly with the same object costs one lookup.
 * Extensions work here too; without segments or events passed in, `$segment` and `$event` see
 * none (false, and `{"$event": …, "count": 0}` true).
 *
 * The compiled form is cached by object identity: do not mutate a condition after evaluating it.
 */
export function evalCondition(attributes: unknown, condition: unknown, savedGroups?: SavedGroups): boolean {
  const compiled = compiledFor(condition);
  return compiled.test(attributes, createEvalEnv({ root: attributes, savedGroups }));
}

const compiledByObject = new WeakMap<object, CompiledCondition>();

function compiledFor(condition: unknown): CompiledCondition {
  if (condition === null || typeof condition !== "object") return compileCondition(condition);
  let compiled = compiledByObject.get(condition);
  if (compiled === undefined) {
    compiled = compileCondition(condition);
    compiledByObject.set(condition, compiled);
  }
  return compiled;
}

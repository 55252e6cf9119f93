// In-process benchmark: Bespoke's decision engine against GrowthBook's SDK on equivalent rules.
//
// A "decision" is one personalization (Bespoke) or one feature (GrowthBook) evaluated for one
// user: targeting condition on three attributes, then a 50/50 split. Each iteration is a new
// user; Bespoke decides all 20 selectors in one `choose` call (building the evaluation document
// once), GrowthBook evaluates 20 features with `evalFeature` on a `GrowthBookClient`. Both see
// the same generated users. Payloads are static on both sides. Run: `npx tsx bench/engine.ts`.
import { pathToFileURL } from "node:url";
import { GrowthBookClient, type ConditionInterface, type FeatureDefinition } from "@growthbook/growthbook";
import { choose, compileConfig, type Arm, type DecisionContext, type RawConfig } from "../lib/engine";

const PERSONALIZATIONS = 20;
const COUNTRIES = ["US", "DE", "FR", "GB", "NL", "ES", "IT", "PL", "SE", "JP"];
const PLANS = ["free", "pro", "team", "enterprise", "banned"];

interface User {
  readonly id: string;
  readonly attributes: { country: string; age: number; plan: string };
}

/** Mulberry32: a tiny seeded PRNG, so every run sees the same users. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeUsers(n: number): User[] {
  const random = prng(42);
  return Array.from({ length: n }, (_, i) => ({
    id: `user-${i}-${Math.floor(random() * 1e9)}`,
    attributes: {
      country: COUNTRIES[Math.floor(random() * COUNTRIES.length)],
      age: 14 + Math.floor(random() * 60),
      plan: PLANS[Math.floor(random() * PLANS.length)],
    },
  }));
}

/** The i-th rule's targeting condition, in the shared (GrowthBook) condition language. */
function condition(i: number): ConditionInterface {
  return {
    "user.country": { $in: COUNTRIES.slice(0, 3 + (i % 7)) },
    "user.age": { $gte: 18 + (i % 10) },
    "user.plan": { $ne: "banned" },
  };
}

function bespokeConfig(): RawConfig {
  return {
    projectId: "bench",
    timezone: "UTC",
    segments: [],
    personalizations: Array.from({ length: PERSONALIZATIONS }, (_, i) => ({
      id: `pers-${i}`,
      selector: `sel-${i}`,
      name: `Personalization ${i}`,
      status: "running" as const,
      controlPercent: 50,
      type: "server_side" as const,
      groups: [],
      experiences: [{ id: `exp-${i}`, name: `Experience ${i}`, priority: 1, payload: { title: `Hello ${i}`, cta: "Buy" }, audience: condition(i), frequency: "always", devices: "all", schedule: null }],
    })),
  };
}

function growthbookFeatures(): Record<string, FeatureDefinition> {
  const features: Record<string, FeatureDefinition> = {};
  for (let i = 0; i < PERSONALIZATIONS; i++) {
    features[`feature-${i}`] = {
      defaultValue: null,
      rules: [{ condition: condition(i), key: `exp-${i}`, hashAttribute: "id", variations: [null, { title: `Hello ${i}`, cta: "Buy" }], weights: [0.5, 0.5] }],
    };
  }
  return features;
}

function bespokeContext(user: User): DecisionContext {
  return {
    profile: { id: user.id, profileId: user.id, attributes: user.attributes },
    request: {},
    events: [],
    staticSegments: new Set(),
    assignments: new Map<string, Arm>(),
    exposedEver: new Set(),
    exposedThisVisit: new Set(),
  };
}

export interface EngineBenchResult {
  readonly engine_decisions_per_s: number;
  readonly growthbook_evals_per_s: number;
  /** engine ÷ GrowthBook: above 1 means the engine is faster. */
  readonly ratio: number;
  /** Users whose targeting matched, summed over rules: equal when both sides evaluate the same rules. */
  readonly engine_matches: number;
  readonly growthbook_matches: number;
}

export function runEngineBench({ iterations = 20_000 }: { iterations?: number } = {}): EngineBenchResult {
  const users = makeUsers(iterations);
  const config = compileConfig(bespokeConfig());
  const names = Array.from({ length: PERSONALIZATIONS }, (_, i) => `sel-${i}`);
  const request = { names, groups: [] };
  const now = Date.UTC(2025, 5, 1);
  const client = new GrowthBookClient().initSync({ payload: { features: growthbookFeatures() } });
  const keys = Array.from({ length: PERSONALIZATIONS }, (_, i) => `feature-${i}`);

  const runEngine = (list: User[]): number => {
    let matches = 0;
    for (const user of list) {
      for (const c of choose(config, bespokeContext(user), request, now).choices) if (c.reason === "served" || c.reason === "control") matches++;
    }
    return matches;
  };
  const runGrowthbook = (list: User[]): number => {
    let matches = 0;
    for (const user of list) {
      const context = { attributes: { id: user.id, user: user.attributes } };
      for (const key of keys) if (client.evalFeature(key, context).source === "experiment") matches++;
    }
    return matches;
  };

  // Warm both up so the JIT has compiled the hot paths before the clock runs.
  const warm = users.slice(0, Math.min(2000, users.length));
  runEngine(warm);
  runGrowthbook(warm);

  // Alternate rounds and keep each side's best, to damp machine noise.
  let engineBest = Infinity;
  let growthbookBest = Infinity;
  let engineMatches = 0;
  let growthbookMatches = 0;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    engineMatches = runEngine(users);
    engineBest = Math.min(engineBest, performance.now() - t);
    t = performance.now();
    growthbookMatches = runGrowthbook(users);
    growthbookBest = Math.min(growthbookBest, performance.now() - t);
  }
  const decisions = users.length * PERSONALIZATIONS;
  const engine = (decisions / engineBest) * 1000;
  const growthbook = (decisions / growthbookBest) * 1000;
  return {
    engine_decisions_per_s: Math.round(engine),
    growthbook_evals_per_s: Math.round(growthbook),
    ratio: Number((engine / growthbook).toFixed(2)),
    engine_matches: engineMatches,
    growthbook_matches: growthbookMatches,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 20_000);
  const r = runEngineBench({ iterations });
  console.log("decision = one personalization (Bespoke) / one feature (GrowthBook) evaluated for one user:");
  console.log(`  ${PERSONALIZATIONS} rules, each a condition on 3 attributes + a 50/50 split; ${iterations} new users per round, best of 3 rounds`);
  console.log(`  Bespoke engine (choose on ${PERSONALIZATIONS} selectors): ${r.engine_decisions_per_s.toLocaleString("en-US")} decisions/s`);
  console.log(`  GrowthBook SDK (evalFeature × ${PERSONALIZATIONS}):        ${r.growthbook_evals_per_s.toLocaleString("en-US")} evals/s`);
  console.log(`  ratio (engine / GrowthBook): ${r.ratio}×`);
  console.log(`  targeting matches: engine ${r.engine_matches}, GrowthBook ${r.growthbook_matches}${r.engine_matches === r.growthbook_matches ? " (equal)" : " (DIFFERENT)"}`);
}

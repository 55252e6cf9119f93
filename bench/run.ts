// npm run bench — choose-api under load on PostgreSQL, beside the references that bound it, plus
// the in-process engine beside GrowthBook's SDK. Prints figures; never fails on timing.
//
//   DATABASE_URL   (default postgres://postgres@127.0.0.1:5432/bespoke_bench, created if missing)
//   BENCH_DURATION seconds per load run (default 10)
//   --skip-build   reuse the existing .next build
//   --profile      also take a CPU profile of the edge server at concurrency 32 and list where the time goes
//   --skip-analytics  leave out the results benchmark (bench/analytics.ts: 1M exposures, 10M events;
//                  seeding them takes a few minutes the first time)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { runAnalyticsBench, type AnalyticsBenchResult } from "./analytics";
import { runEngineBench } from "./engine";
import { runLoad, type LoadResult } from "./load";
import { summarizeProfile } from "./profile-summary";
import { seedBench } from "./seed";
import { startServer, stopAll, stopServer, waitFor } from "./servers";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bespoke_bench";
const PORTS = { bare: 3190, next: 3191, edge: 3192 };
const args = new Set(process.argv.slice(2));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const log = (line: string) => console.log(`[bench] ${line}`);

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) {
    log(`creating database ${name}`);
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
  }
  await client.end();
}

const rand = (n: number) => Math.floor(Math.random() * n);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  await ensureDatabase(url);
  const handle = await openDatabase({ url, poolMax: 4 });
  await runMigrations(handle);
  const started = Date.now();
  const seed = await seedBench(handle, log);
  log(seed.seeded ? `seeded in ${Math.round((Date.now() - started) / 1000)} s` : "reusing the existing seed");
  await handle.close();

  log("engine beside GrowthBook's SDK (in-process)…");
  const engine = await runEngineBench({ iterations: 20_000 });

  if (!args.has("--skip-build")) {
    log("building the app (next build)…");
    execFileSync("npx", ["next", "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }

  const serverEnv = { DATABASE_URL: url, LOG_LEVEL: "warn", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BESPOKE_BENCH_ROUTES: "1" };
  const bare = startServer("bare", "npx", ["tsx", "bench/bare-server.ts", String(PORTS.bare)], serverEnv);
  const next = startServer("next", "npx", ["next", "start", "-p", String(PORTS.next), "-H", "127.0.0.1"], { ...serverEnv, PORT: String(PORTS.next) });
  const edge = startServer("edge", "npx", ["tsx", "lib/edge/main.ts"], { ...serverEnv, EDGE_PORT: String(PORTS.edge), EDGE_WORKERS: String(os.availableParallelism()) });
  await Promise.all([
    waitFor(`http://127.0.0.1:${PORTS.bare}/`, 60_000, { method: "POST", body: "{}" }),
    waitFor(`http://127.0.0.1:${PORTS.next}/api/health`),
    waitFor(`http://127.0.0.1:${PORTS.edge}/api/health`),
  ]);

  const headers = { authorization: `Bearer ${seed.key}` };
  const choosePath = `/api/v1/bench/projects/shop/optimization/choose-api`;
  const single = () => JSON.stringify({ identification: { userId: `u-${1 + rand(100_000)}` }, names: [seed.selectors[rand(seed.selectors.length)]] });
  const group = () => JSON.stringify({ identification: { userId: `u-${1 + rand(100_000)}` }, groups: [seed.groups[rand(seed.groups.length)]] });

  const check = await fetch(`http://127.0.0.1:${PORTS.edge}${choosePath}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: group() });
  log(`edge choose-api answers ${check.status}: ${(await check.text()).slice(0, 200)}…`);

  const targets = {
    bare: { url: `http://127.0.0.1:${PORTS.bare}/`, headers: {} },
    next_empty: { url: `http://127.0.0.1:${PORTS.next}/api/internal/bench-empty`, headers: {} },
    route: { url: `http://127.0.0.1:${PORTS.next}${choosePath}`, headers },
    edge: { url: `http://127.0.0.1:${PORTS.edge}${choosePath}`, headers },
  };
  const results: LoadResult[] = [];
  const run = async (name: string, target: keyof typeof targets, connections: number, body: () => string) => {
    await runLoad({ name: `${name} warm-up`, ...targets[target], connections, durationS: 2, body });
    const r = await runLoad({ name, ...targets[target], connections, durationS: duration, body });
    results.push(r);
    log(`${name.padEnd(22)} c${String(connections).padEnd(3)} ${String(r.rps).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}`);
    return r;
  };

  const out: Record<string, number> = {};
  for (const c of [8, 32]) {
    const b = await run("bare http (ceiling)", "bare", c, single);
    const n = await run("next empty route", "next_empty", c, single);
    const r1 = await run("route choose 1", "route", c, single);
    const r5 = await run("route choose group(5)", "route", c, group);
    const e1 = await run("edge choose 1", "edge", c, single);
    const e5 = await run("edge choose group(5)", "edge", c, group);
    Object.assign(out, {
      [`bare_c${c}_rps`]: b.rps,
      [`next_empty_c${c}_rps`]: n.rps,
      [`route_c${c}_rps`]: r1.rps,
      [`route_c${c}_p99_ms`]: r1.p99,
      [`route_group_c${c}_rps`]: r5.rps,
      [`edge_c${c}_rps`]: e1.rps,
      [`edge_c${c}_p50_ms`]: e1.p50,
      [`edge_c${c}_p99_ms`]: e1.p99,
      [`edge_group_c${c}_rps`]: e5.rps,
      [`edge_group_c${c}_p99_ms`]: e5.p99,
    });
  }

  // The edge server's default is one worker per core; on a machine that also runs PostgreSQL and
  // the load generator, one worker may serve more. Measured for the record, not as the headline.
  await stopServer(edge);
  const edgeOne = startServer("edge-1", "npx", ["tsx", "lib/edge/main.ts"], { ...serverEnv, EDGE_PORT: String(PORTS.edge), EDGE_WORKERS: "1" });
  await waitFor(`http://127.0.0.1:${PORTS.edge}/api/health`);
  const one = await run("edge choose 1, 1 worker", "edge", 32, single);
  Object.assign(out, { edge_1worker_c32_rps: one.rps, edge_1worker_c32_p99_ms: one.p99 });
  await stopServer(edgeOne);

  let profile: ReturnType<typeof summarizeProfile> | null = null;
  if (args.has("--profile")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bespoke-prof-"));
    log(`profiling the edge server (one worker) at c32 into ${dir}…`);
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on node's own command line, tsx as a loader.
    const profiled = startServer(
      "edge-profiled",
      process.execPath,
      ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", "lib/edge/main.ts"],
      { ...serverEnv, EDGE_PORT: String(PORTS.edge), EDGE_WORKERS: "1" },
    );
    await waitFor(`http://127.0.0.1:${PORTS.edge}/api/health`);
    await runLoad({ name: "edge profiled", ...targets.edge, connections: 32, durationS: duration, body: single });
    await stopServer(profiled);
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const biggest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (biggest) {
      profile = summarizeProfile(biggest);
      log(`where the edge server's CPU goes (self time, ${path.basename(biggest)}):`);
      for (const p of profile) log(`  ${String(p.selfPct).padStart(5)}%  ${p.fn}  ${p.where}`);
    }
  }
  await stopServer(bare);
  await stopServer(next);
  await stopAll();

  let analytics: AnalyticsBenchResult | null = null;
  if (!args.has("--skip-analytics")) {
    log("results of one personalization over 1 000 000 exposures and 10 000 000 events…");
    analytics = await runAnalyticsBench({ url, log: (line) => log(line.trim()) });
  }

  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  log("");
  log(`edge c32: ${out.edge_c32_rps} req/s, p99 ${out.edge_c32_p99_ms} ms — ${ratio(out.edge_c32_rps, out.bare_c32_rps)}× the bare-http ceiling`);
  log(`route c32: ${out.route_c32_rps} req/s — ${ratio(out.route_c32_rps, out.next_empty_c32_rps)}× the empty Next route handler`);
  log(`engine: ${engine.engine_decisions_per_s} decisions/s vs GrowthBook ${engine.growthbook_evals_per_s} evals/s — ${engine.ratio}×`);
  if (analytics) {
    const s = (ms: number | null) => (ms === null ? "over 300 s" : `${(ms / 1000).toFixed(2)} s`);
    log(
      `results (1M exposures, 10M events): best ${s(analytics.results_call_best_ms)} — without the results indexes ${s(analytics.without_indexes_ms)}, per user in JS ~${s(analytics.naive_extrapolated_ms)}`,
    );
  }
  const summary = {
    at: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), node: process.version },
    duration_s: duration,
    ...out,
    edge_vs_bare_c32: ratio(out.edge_c32_rps, out.bare_c32_rps),
    route_vs_next_empty_c32: ratio(out.route_c32_rps, out.next_empty_c32_rps),
    engine_decisions_per_s: engine.engine_decisions_per_s,
    growthbook_evals_per_s: engine.growthbook_evals_per_s,
    engine_vs_growthbook: engine.ratio,
    results_best_ms: analytics?.results_call_best_ms ?? null,
    results_without_indexes_ms: analytics?.without_indexes_ms ?? null,
    results_per_user_js_ms: analytics?.naive_extrapolated_ms ?? null,
    errors,
    profile,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/bench-${summary.at.replace(/[:.]/g, "-")}.json`, JSON.stringify({ ...summary, runs: results }, null, 2));
  console.log(JSON.stringify(summary));
}

main().catch(async (error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`);
  await stopAll();
  process.exit(1);
});

// Reads a V8 .cpuprofile and lists where the time goes: self time per function, top N.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summarizeProfile(file: string, top = 15): { fn: string; where: string; selfPct: number }[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[] };
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length || 1;
  const byFunction = new Map<string, { fn: string; where: string; n: number }>();
  for (const node of profile.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (n === 0) continue;
    const fn = node.callFrame.functionName || "(anonymous)";
    const where = node.callFrame.url ? `${node.callFrame.url.replace(/^.*node_modules\//, "~/").replace(/^.*\/work\/[^/]+\//, "")}:${node.callFrame.lineNumber + 1}` : "";
    const key = `${fn}@${where}`;
    const entry = byFunction.get(key) ?? { fn, where, n: 0 };
    entry.n += n;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfPct: Math.round((e.n / total) * 1000) / 10 }));
}

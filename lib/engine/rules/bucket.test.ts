import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignArm, bucket, murmur3, murmur3Bytes, type Arm } from "./bucket";

describe("murmur3", () => {
  it("matches the reference MurmurHash3_x86_32 values", () => {
    expect(murmur3("")).toBe(0);
    expect(murmur3("hello")).toBe(0x248bfa47);
    expect(murmur3("The quick brown fox jumps over the lazy dog")).toBe(0x2e4ff723);
    expect(murmur3("abc")).toBe(0xb3dd93fa);
    expect(murmur3("", 1)).toBe(0x514e28b7);
    expect(murmur3("Hello, world!", 0x9747b28c)).toBe(0x24884cba);
    // Non-ASCII input is hashed as its UTF-8 bytes.
    expect(murmur3("é")).toBe(murmur3Bytes([0xc3, 0xa9]));
  });
});

/** Pearson's chi-square statistic of `values` (in [0, 1)) against a uniform spread over `bins`. */
function chiSquare(values: number[], bins: number): number {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.floor(v * bins)]++;
  const expected = values.length / bins;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

// The chi-square distribution with 19 degrees of freedom exceeds 43.82 with probability 0.001.
const CHI2_19_P001 = 43.82;

describe("bucket", () => {
  it("is uniform over 100 000 units (chi-square, 20 bins, p > 0.001)", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom("sequential", "uuid-like"), (personalizationId, style) => {
        const values: number[] = [];
        for (let i = 0; i < 100_000; i++) {
          const unit = style === "sequential" ? `prof_${i}` : `${(i * 2654435761) >>> 0}-4a1b-9c2d-${i.toString(16).padStart(12, "0")}`;
          values.push(bucket(personalizationId, unit));
        }
        expect(chiSquare(values, 20)).toBeLessThan(CHI2_19_P001);
      }),
      { numRuns: 6, seed: 20251201 },
    );
  });

  it("is in [0, 1) and deterministic", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (p, u) => {
        const b = bucket(p, u);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(1);
        expect(bucket(p, u)).toBe(b);
      }),
    );
  });

  it("is independent between personalizations", () => {
    // The same unit's buckets in two personalizations are uncorrelated: the 2-D spread is uniform.
    const cells: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const a = Math.floor(bucket("pers-a", `u${i}`) * 4);
      const b = Math.floor(bucket("pers-b", `u${i}`) * 5);
      cells.push((a * 5 + b + 0.5) / 20);
    }
    expect(chiSquare(cells, 20)).toBeLessThan(CHI2_19_P001);
  });
});

describe("assignArm", () => {
  it("puts the configured share in control, within tolerance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.uuid(), (percent, personalizationId) => {
        const n = 20_000;
        let control = 0;
        for (let i = 0; i < n; i++) if (assignArm(personalizationId, `u${i}`, percent, undefined).arm === "control") control++;
        const p = percent / 100;
        const sigma = Math.sqrt((n * p * (1 - p)) || 1);
        expect(Math.abs(control - n * p)).toBeLessThanOrEqual(5 * sigma);
      }),
      { numRuns: 20, seed: 7 },
    );
  });

  it("0 % control puts everyone in treatment", () => {
    for (let i = 0; i < 1000; i++) expect(assignArm("p", `u${i}`, 0, undefined).arm).toBe("treatment");
  });

  it("keeps an existing arm, whatever the control percentage", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 99 }), fc.constantFrom<Arm>("treatment", "control"), (p, u, percent, existing) => {
        expect(assignArm(p, u, percent, existing)).toEqual({ arm: existing, bucket: null, sticky: true });
      }),
    );
  });

  it("a changed control percentage keeps every existing assignment", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (before, after) => {
        const assignments = new Map<string, Arm>();
        for (let i = 0; i < 500; i++) assignments.set(`u${i}`, assignArm("pers", `u${i}`, before, undefined).arm);
        for (let i = 0; i < 500; i++) expect(assignArm("pers", `u${i}`, after, assignments.get(`u${i}`)).arm).toBe(assignments.get(`u${i}`));
        // New units follow the new percentage: raising control moves only new units' threshold.
        for (let i = 500; i < 600; i++) {
          const d = assignArm("pers", `u${i}`, after, assignments.get(`u${i}`));
          expect(d.sticky).toBe(false);
          expect(d.arm).toBe((d.bucket ?? 1) < after / 100 ? "control" : "treatment");
        }
      }),
      { numRuns: 30 },
    );
  });
});

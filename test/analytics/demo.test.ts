// The done-when, on the demo generator at the demo's own scale and seed (the same story as
// `npm run demo`; at 6 000 visitors the planted uplift is not yet significant): the planted uplift is
// significant, the null experience is not, and the figures are lib/stats run by hand on the
// sufficient statistics counted from the generator's own record of what it wrote.
import { describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/connection";
import { bayesianTest, frequentistTest } from "@/lib/stats";
import { getPersonalizationResults } from "@/lib/services/analytics/get-results";
import { DEMO_SPEC, seedDemo } from "@/scripts/demo";
import { createTestProject } from "../support/fixtures";

const NOW = new Date("2026-03-01T12:00:00Z");

describe("the demo's history", () => {
  it(
    "shows the planted uplift as significant and the null experience as not, with lib/stats's figures",
    async () => {
      const p = await createTestProject();
      const handle = await getDbHandle();
      const demo = await seedDemo(handle, { ctx: p.ctx, profiles: 10_000, now: NOW });
      const [welcome] = demo.personalizations;
      const planted = welcome.experiences[0];
      const nothing = welcome.experiences[1];
      expect(DEMO_SPEC[0].experiences[0].rates).toEqual({ control: 0.1, treatment: 0.14 });
      expect(DEMO_SPEC[0].experiences[1].rates.control).toBe(DEMO_SPEC[0].experiences[1].rates.treatment);

      const frequentist = await getPersonalizationResults(p.ctx, welcome.id, { engine: "frequentist" }, { now: NOW });
      const bayesian = await getPersonalizationResults(p.ctx, welcome.id, { engine: "bayesian" }, { now: NOW });
      for (const experience of welcome.experiences) {
        const truth = demo.counts.get(experience.id);
        if (!truth) throw new Error(`nothing generated for ${experience.name}`);
        const f = frequentist.experiences.find((e) => e.experienceId === experience.id);
        const b = bayesian.experiences.find((e) => e.experienceId === experience.id);
        if (!f || !b) throw new Error(`no results for ${experience.name}`);

        // Conversion (primary, triggered): { n: users, sum: converted } per arm, counted by the generator.
        const control = { n: truth.control.users, sum: truth.control.converted };
        const treatment = { n: truth.treatment.users, sum: truth.treatment.converted };
        expect(f.users).toEqual({ control: control.n, treatment: treatment.n });
        expect(f.metrics[0].control).toMatchObject({ n: control.n, sum: control.sum, sumSquares: null });
        expect(f.metrics[0].treatment).toMatchObject({ n: treatment.n, sum: treatment.sum, sumSquares: null });
        const byHand = frequentistTest(control, treatment, { differenceType: "relative", alpha: 0.05 });
        expect(f.metrics[0].test).toEqual({
          expected: byHand.expected,
          ci: byHand.ci,
          stddev: byHand.uplift.stddev,
          pValue: byHand.pValue,
          chanceToWin: null,
          risk: null,
          errorMessage: byHand.errorMessage,
        });
        const byHandBayes = bayesianTest(control, treatment, { differenceType: "relative" });
        expect(b.metrics[0].test.chanceToWin).toBe(byHandBayes.chanceToWin);
        expect(b.metrics[0].test.risk).toEqual(byHandBayes.risk);
        expect(b.metrics[0].test.expected).toBe(byHandBayes.expected);

        // Revenue (sum of amount): every exposed user counts, 0 without a purchase.
        const sums = (arm: "control" | "treatment") => ({
          n: truth[arm].users,
          sum: truth[arm].revenue.reduce((s, v) => s + v, 0),
          sumSquares: truth[arm].revenue.reduce((s, v) => s + v * v, 0),
        });
        for (const arm of ["control", "treatment"] as const) {
          const got = f.metrics[1][arm];
          expect(got.n).toBe(sums(arm).n);
          expect(got.sum).toBeCloseTo(sums(arm).sum, 6);
          expect(got.sumSquares ?? NaN).toBeCloseTo(sums(arm).sumSquares, 4);
        }
        const revenue = frequentistTest(
          { n: f.metrics[1].control.n, sum: f.metrics[1].control.sum, sumSquares: f.metrics[1].control.sumSquares ?? 0 },
          { n: f.metrics[1].treatment.n, sum: f.metrics[1].treatment.sum, sumSquares: f.metrics[1].treatment.sumSquares ?? 0 },
          { differenceType: "relative", alpha: 0.05 },
        );
        expect(f.metrics[1].test.pValue).toBe(revenue.pValue);
      }

      const plantedResult = frequentist.experiences.find((e) => e.experienceId === planted.id)?.metrics[0];
      const nullResult = frequentist.experiences.find((e) => e.experienceId === nothing.id)?.metrics[0];
      expect(plantedResult?.test.pValue).toBeLessThan(0.05);
      expect(plantedResult?.test.expected).toBeGreaterThan(0);
      expect(plantedResult?.verdict.label).toBe("Likely better");
      expect(nullResult?.test.pValue).toBeGreaterThan(0.05);
      expect(nullResult?.verdict.label).toBe("No clear difference yet");
      expect(bayesian.experiences.find((e) => e.experienceId === planted.id)?.metrics[0].verdict.code).toBe("better");
      expect(bayesian.experiences.find((e) => e.experienceId === nothing.id)?.metrics[0].verdict.code).toBe("inconclusive");
    },
    240_000,
  );
});

import type { ErrorDetail } from "../../errors";
import { audienceStatus } from "../experiences/engine-checks";
import { experienceProblems, type CheckContext } from "../experiences/content-checks";
import type { PersonalizationParts } from "./personalization-view";

/**
 * Everything that keeps a personalization from running, all at once (SPEC §6.3): no experiences,
 * an experience that needs setup, invalid content, not exactly one primary metric, control out
 * of range. Content is checked again because segments and the project's zone may have changed
 * since it was saved.
 */
export function startProblems(parts: PersonalizationParts, check: CheckContext): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (parts.experiences.length === 0) {
    problems.push({ path: "experiences", message: "there are no experiences: add at least one" });
  }
  parts.experiences.forEach((e, i) => {
    const at = `experiences.${i}`;
    if (audienceStatus(e.audience) === "needs_setup") {
      problems.push({
        path: `${at}.audience`,
        message: `experience "${e.name}" needs setup: its audience has no condition yet (use {"$everyone": true} to show it to every visitor)`,
        experienceId: e.id,
      });
    }
    for (const p of experienceProblems({ payload: e.payload, audience: e.audience, schedule: e.schedule }, at, check)) {
      problems.push({ ...p, message: `experience "${e.name}": ${p.message}`, experienceId: e.id });
    }
  });
  const primaries = parts.metrics.filter((m) => m.primary).length;
  if (primaries !== 1) {
    problems.push({
      path: "metrics",
      message:
        primaries === 0
          ? parts.metrics.length === 0
            ? "there is no metric: add one and mark it primary"
            : "no metric is primary: mark exactly one as primary"
          : `${primaries} metrics are primary: exactly one may be`,
    });
  }
  const control = parts.row.controlPercent;
  if (!Number.isInteger(control) || control < 0 || control > 99) {
    problems.push({ path: "controlPercent", message: `is ${control}; it must be from 0 to 99` });
  }
  return problems;
}

// The decision trace viewer and outcome card: reusable wherever a preview or an explained
// choose-api answer is shown.
export { OutcomeCard } from "./outcome-card";
export { DecisionTrace, summarize as summarizeTrace } from "./decision-trace";
export { ExperienceTraceCard } from "./experience-trace";
export { ConditionTraceView } from "./condition-trace";
export { ReasonBadge, REASON_INFO } from "./reason-badge";
export { PassMark } from "./pass-mark";
export { firstFailingNode, failures, operatorWords } from "./trace-format";
export {
  outcomesOf,
  REASONS,
  type InlineVisitor,
  type PreviewOutcome,
  type PreviewRequest,
  type PreviewResponse,
} from "./types";

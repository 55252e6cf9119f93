// The engine's save-time checks, imported in one place (lib/engine is pure: these take plain data).
export { validateCondition, findSegmentRefs, audienceStatus, validateSchedule, validatePayloadTemplates } from "../../engine";

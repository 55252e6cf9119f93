// The engine's save-time checks, imported in one place (lib/engine is pure: these take plain data).
export { validateCondition, findSegmentRefs } from "../../engine/condition/validate";
export { audienceStatus } from "../../engine/condition/audience";
export { validateSchedule } from "../../engine/rules/schedule";
export { validatePayloadTemplates } from "../../engine/render/payload";

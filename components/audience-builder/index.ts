export { AudienceBuilder, type AudienceBuilderProps } from "./audience-builder";
export type { AttributeEntry, EventEntry, SegmentEntry } from "./row-editors";
export { conditionToModel, modelToCondition, type AudienceModel, type ConditionJson } from "./model";

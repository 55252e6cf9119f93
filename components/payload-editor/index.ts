export { PayloadEditor, type PayloadEditorProps, type PreviewResult } from "./payload-editor";
export { scopeFromTestProfile, renderLocally, analyzePayload, MAX_PAYLOAD_BYTES, type PreviewProfile, type TestProfileLike, type PayloadIssue } from "./payload";
export type { CatalogAttribute } from "./liquid-completion";

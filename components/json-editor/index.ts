export { JsonEditor, type CodeEditor, type JsonEditorProps } from "./json-editor";
export { loadMonaco, type LoadedMonaco, type Monaco } from "./monaco";
export { focusCodeEditor, FOCUS_CODE_EDITOR_EVENT } from "./focus";

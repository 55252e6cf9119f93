export { DisplayEditor, DEVICE_OPTIONS, FREQUENCY_OPTIONS, type DisplayEditorProps, type DisplaySettings } from "./display-editor";

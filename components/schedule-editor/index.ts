export { ScheduleEditor, type ScheduleEditorProps } from "./schedule-editor";
export { summarizeSchedule, isoToLocalInput, localInputToIso, daysLabel, windowLabel, type Schedule } from "./schedule";

/**
 * Focusing a code editor from outside (a problem link that takes the user to a field). Monaco
 * mounts asynchronously and its input is an internal hidden textarea, so `element.focus()` on
 * "the first control" either hits nothing or the wrong thing. Each `JsonEditor` frame carries
 * `data-code-editor` and listens for this event: it focuses the editor, or remembers to once it
 * has mounted. Kept apart from the component so callers do not pull in Monaco.
 */
export const FOCUS_CODE_EDITOR_EVENT = "bespoke:focus-code-editor";
export const CODE_EDITOR_SELECTOR = "[data-code-editor]";

/** Asks the first code editor in `root` (or `root` itself) to take the focus; false when there is none. */
export function focusCodeEditor(root: Element): boolean {
  const frame = root.matches(CODE_EDITOR_SELECTOR) ? root : root.querySelector(CODE_EDITOR_SELECTOR);
  if (frame === null) return false;
  // Cancelled by the editor that handled it.
  return !frame.dispatchEvent(new Event(FOCUS_CODE_EDITOR_EVENT, { cancelable: true }));
}

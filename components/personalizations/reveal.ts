// Take the user to a field: scroll it into view and focus its first control (problem links).

import { focusCodeEditor } from "@/components/json-editor/focus";

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [contenteditable=true], [tabindex]:not([tabindex="-1"])';

/**
 * The control a problem link should land on: the field itself when it is one; else its code editor
 * (a payload's Monaco, which may still be loading: it takes the focus once mounted); else the first
 * control that is not a tool around the value (`data-reveal-skip`: a Builder/JSON switch, a Format
 * button).
 */
function focusInside(el: HTMLElement): void {
  if (el.matches(FOCUSABLE)) {
    el.focus({ preventScroll: true });
    return;
  }
  if (focusCodeEditor(el)) return;
  const target = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].find((c) => c.closest("[data-reveal-skip]") === null);
  target?.focus({ preventScroll: true });
}

export function revealElement(id: string, attempts = 10): void {
  const el = document.getElementById(id);
  if (!el) {
    // The target may render on the next frames (a card opening, a tab switching, a dialog mounting).
    if (attempts > 0) requestAnimationFrame(() => revealElement(id, attempts - 1));
    return;
  }
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  focusInside(el);
}

// Take the user to a field: scroll it into view and focus its first control (problem links).

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [contenteditable=true], [tabindex]:not([tabindex="-1"])';

export function revealElement(id: string, attempts = 10): void {
  const el = document.getElementById(id);
  if (!el) {
    // The target may render on the next frames (a card opening, a tab switching, a dialog mounting).
    if (attempts > 0) requestAnimationFrame(() => revealElement(id, attempts - 1));
    return;
  }
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  const target = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus({ preventScroll: true });
}

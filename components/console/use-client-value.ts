import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * True once rendered in the browser, false during the server render and hydration: for things
 * that differ between the two (the clock, the browser's locale and time-zone list, the origin).
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** `window.location.origin` in the browser, "" on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
}

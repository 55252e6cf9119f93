import { loader } from "@monaco-editor/react";
import type * as MonacoApi from "monaco-editor/editor";
import type { Environment } from "monaco-editor/editor";
import type * as JsonLanguage from "monaco-editor/languages/features/json/register";

/**
 * Monaco, bundled with the app: never the jsDelivr copy that `@monaco-editor/react` loads by
 * default (the console must work with no internet access, SPEC §8).
 *
 * `loadMonaco()` imports the ESM build of `monaco-editor` (client-only, in its own chunk), points
 * the web workers at entry files of ours that the bundler builds as module workers, and hands the
 * instance to `@monaco-editor/react`'s loader with `loader.config({ monaco })`, so the loader never
 * injects its CDN `<script>`. Render `<Editor>` only after it resolved (`JsonEditor` does).
 */
export type Monaco = typeof MonacoApi;
export type JsonDefaults = typeof JsonLanguage.jsonDefaults;

export interface LoadedMonaco {
  readonly monaco: Monaco;
  readonly jsonDefaults: JsonDefaults;
}

let loading: Promise<LoadedMonaco> | null = null;

export function loadMonaco(): Promise<LoadedMonaco> {
  if (typeof window === "undefined") return Promise.reject(new Error("Monaco runs in the browser only"));
  loading ??= load().catch((error: unknown) => {
    // Let a later mount try again (a chunk that failed to download, say).
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<LoadedMonaco> {
  const environment: Environment = {
    getWorker(_workerId, label) {
      // `new Worker(new URL("./file", import.meta.url))` is the pattern Turbopack and webpack both
      // recognise: each worker entry becomes its own bundled chunk under /_next/static.
      if (label === "json") {
        return new Worker(new URL("./workers/json.worker.ts", import.meta.url), { type: "module", name: "monaco-json" });
      }
      return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), { type: "module", name: "monaco-editor" });
    },
  };
  (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment = environment;
  const [monaco, json] = await Promise.all([
    import("monaco-editor/editor"),
    import("monaco-editor/languages/features/json/register"),
    import("monaco-editor/features/register.all"),
  ]);
  loader.config({ monaco });
  return { monaco, jsonDefaults: json.jsonDefaults };
}

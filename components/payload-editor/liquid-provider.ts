import type { Monaco } from "@/components/json-editor";
import { liquidCompletions, type CatalogAttribute, type LiquidSuggestion } from "./liquid-completion";

/**
 * Monaco's completion providers are per language, not per editor: one provider for "json" serves
 * every payload editor, and looks up the catalog of the model it is asked about. Other JSON
 * editors (audience JSON, test profiles) are not registered, so they get no Liquid suggestions.
 */
const catalogs = new Map<string, () => readonly CatalogAttribute[]>();
let registeredWith: Monaco | null = null;

function kindOf(monaco: Monaco, s: LiquidSuggestion) {
  const kinds = monaco.languages.CompletionItemKind;
  switch (s.kind) {
    case "scope":
      return kinds.Module;
    case "object":
      return kinds.Struct;
    case "filter":
      return kinds.Function;
    default:
      return kinds.Field;
  }
}

function register(monaco: Monaco): void {
  if (registeredWith === monaco) return;
  registeredWith = monaco;
  monaco.languages.registerCompletionItemProvider("json", {
    triggerCharacters: [".", "{", " ", "|"],
    provideCompletionItems(model, position) {
      const catalog = catalogs.get(model.uri.toString());
      if (catalog === undefined) return { suggestions: [] };
      const line = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const result = liquidCompletions(line, catalog());
      if (result === null) return { suggestions: [] };
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - result.replace,
        endColumn: position.column,
      };
      return {
        // JSON's word pattern runs through dots, so typing `user.` would only refilter the open
        // list: marked incomplete, the list is asked for again at every keystroke.
        incomplete: true,
        suggestions: result.suggestions.map((s, i) => ({
          label: s.label,
          kind: kindOf(monaco, s),
          detail: s.detail,
          insertText: s.hasChildren ? `${s.label}.` : s.label,
          // Open the next level straight away after `attribute.` / `user.`.
          command: s.hasChildren ? { id: "editor.action.triggerSuggest", title: "Suggest" } : undefined,
          sortText: String(i).padStart(4, "0"),
          range,
        })),
      };
    },
  });
}

/** Turns Liquid completion on for one model; returns the function that turns it off. */
export function enableLiquidCompletion(monaco: Monaco, modelUri: string, catalog: () => readonly CatalogAttribute[]): () => void {
  register(monaco);
  catalogs.set(modelUri, catalog);
  return () => {
    if (catalogs.get(modelUri) === catalog) catalogs.delete(modelUri);
  };
}

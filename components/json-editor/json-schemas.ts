import type { JsonDefaults } from "./monaco";

/**
 * Monaco's JSON diagnostics options are global (one `jsonDefaults` for every editor), so each
 * editor registers its schema against its own model URI, and the whole list is pushed again on
 * every change. Strict JSON everywhere: payloads and conditions are parsed with `JSON.parse`, which
 * accepts neither comments nor trailing commas.
 */
const schemas = new Map<string, unknown>();

function push(defaults: JsonDefaults): void {
  defaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: "error",
    trailingCommas: "error",
    enableSchemaRequest: false,
    schemaValidation: "error",
    schemas: [...schemas].map(([modelUri, schema]) => ({
      uri: `${modelUri}.schema.json`,
      fileMatch: [modelUri],
      schema,
    })),
  });
}

export function setModelSchema(defaults: JsonDefaults, modelUri: string, schema: unknown): () => void {
  if (schema === undefined) schemas.delete(modelUri);
  else schemas.set(modelUri, schema);
  push(defaults);
  return () => {
    if (schemas.delete(modelUri)) push(defaults);
  };
}

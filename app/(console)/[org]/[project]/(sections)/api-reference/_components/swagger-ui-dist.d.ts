// swagger-ui-dist ships no types. Only what swagger-view.tsx uses is declared.
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  interface SwaggerUIOptions {
    domNode: HTMLElement;
    spec?: object;
    url?: string;
    presets?: unknown[];
    layout?: string;
    deepLinking?: boolean;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    defaultModelExpandDepth?: number;
    filter?: boolean | string;
    displayRequestDuration?: boolean;
    persistAuthorization?: boolean;
    requestSnippetsEnabled?: boolean;
    tryItOutEnabled?: boolean;
    validatorUrl?: string | null;
    syntaxHighlight?: false | { activated?: boolean; theme?: string };
    onComplete?: () => void;
  }
  interface SwaggerUIBundle {
    (options: SwaggerUIOptions): unknown;
    presets: { apis: unknown };
  }
  const bundle: SwaggerUIBundle;
  export default bundle;
}

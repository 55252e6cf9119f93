"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
// The prebuilt bundle, not swagger-ui-react: Turbopack mis-links the ApiDOM modules that
// swagger-ui-react pulls in for OpenAPI 3.1 ("OpenApi3_1Element.refract is not a function").
// See docs/decisions/070-api-reference.md.
import SwaggerUIBundle from "swagger-ui-dist/swagger-ui-es-bundle.js";
import "swagger-ui-dist/swagger-ui.css";
import "./swagger-theme.css";
import { apiFetch } from "@/lib/client/api";
import { QueryError } from "@/components/console/query-error";
import { OPENAPI_URL, withProjectDefaults, type OpenApiDocument } from "./openapi-defaults";
import { ReferenceSkeleton } from "./reference-skeleton";

/**
 * The OpenAPI document rendered by Swagger UI, styled with the console's tokens. The `orgName`
 * and `projectName` parameters default to the current project, so "Try it out" works at once
 * against this instance (the document's server is `/`), with the session cookie or an authorized key.
 */
export function SwaggerView({ org, project }: { org: string; project: string }) {
  const query = useQuery({
    queryKey: ["console", "openapi"],
    queryFn: () => apiFetch<OpenApiDocument>(OPENAPI_URL),
    staleTime: 5 * 60_000,
  });
  const spec = useMemo(
    () => (query.data ? withProjectDefaults(query.data, org, project) : null),
    [query.data, org, project],
  );
  const host = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const container = host.current;
    if (!spec || !container) return;
    // A fresh node per mount: Swagger UI renders with its own React root, which cannot be reused.
    const node = document.createElement("div");
    container.appendChild(node);
    SwaggerUIBundle({
      domNode: node,
      spec,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      deepLinking: true,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      defaultModelExpandDepth: 2,
      filter: true,
      displayRequestDuration: true,
      persistAuthorization: true,
      requestSnippetsEnabled: true,
      tryItOutEnabled: false,
      // The validator badge would call validator.swagger.io; the console makes no outside requests.
      validatorUrl: null,
      syntaxHighlight: { activated: true, theme: "agate" },
      onComplete: () => setRendered(true),
    });
    return () => {
      node.remove();
    };
  }, [spec]);

  if (query.isError)
    return (
      <QueryError
        title="Could not load the OpenAPI document"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <>
      {rendered ? null : <ReferenceSkeleton />}
      <div
        ref={host}
        className={rendered ? "bespoke-swagger min-w-0" : "bespoke-swagger hidden"}
        data-ready={rendered || undefined}
      />
    </>
  );
}

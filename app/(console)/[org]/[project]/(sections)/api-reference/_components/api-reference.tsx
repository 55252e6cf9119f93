"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { sectionHref } from "@/components/shell/nav";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { OPENAPI_URL } from "./openapi-defaults";
import { ReferenceSkeleton } from "./reference-skeleton";

// Swagger UI is ~1 MB of JavaScript: loaded only on this page, only in the browser.
const SwaggerView = dynamic(() => import("./swagger-view").then((m) => m.SwaggerView), {
  ssr: false,
  loading: () => <ReferenceSkeleton />,
});

export function ApiReference({ org, project }: { org: string; project: string }) {
  return (
    <div className="grid gap-4">
      <Alert variant="neutral">
        <AlertDescription>
          Every path takes <code className="font-mono text-[13px]">{org}</code> and{" "}
          <code className="font-mono text-[13px]">{project}</code> as{" "}
          <code className="font-mono text-[13px]">orgName</code> and{" "}
          <code className="font-mono text-[13px]">projectName</code>. <b>Try it out</b> sends requests to this
          instance: management endpoints accept your console session; for choose-api and track, click{" "}
          <b>Authorize</b> and paste a key from{" "}
          <Link
            href={sectionHref(org, project, "sources")}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            API keys
          </Link>
          . The raw document is at{" "}
          <a
            href={OPENAPI_URL}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1 font-mono text-[13px] text-primary hover:underline"
          >
            {OPENAPI_URL}
            <ExternalLink aria-hidden="true" className="size-3" />
          </a>
          .
        </AlertDescription>
      </Alert>
      <SwaggerView org={org} project={project} />
    </div>
  );
}

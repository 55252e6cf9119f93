"use client";

import { CodeBlock } from "./code-block";
import { useConsole } from "./console-context";
import { useOrigin } from "./use-client-value";

const examples = {
  event: {
    title: "Send your first event",
    body: '{"track":[{"name":"page_viewed","payload":[{"profileId":"anon-1","data":{"path":"/pricing"}}]}]}',
  },
  identify: {
    title: "Identify a visitor with attributes",
    body: '{"track":[{"name":"Identify","payload":[{"profileId":"anon-1","userId":"u-42","userAttributes":{"first_name":"Grace","plan":"pro"},"accountAttributes":{"name":"Acme"}}]}]}',
  },
} as const;

/**
 * The curl command that puts the first data into an empty catalog: `POST …/track` with a key that
 * has the track scope. Shown by the events, attributes and profiles pages while they are empty.
 */
export function FirstDataHint({ kind }: { kind: keyof typeof examples }) {
  const { api } = useConsole();
  const origin = useOrigin();
  const example = examples[kind];
  const code = `curl -X POST ${origin}${api("/track")} \\\n  -H "Authorization: Bearer $BESPOKE_KEY" \\\n  -H "content-type: application/json" \\\n  -d '${example.body}'`;
  return <CodeBlock title={example.title} what="Command" code={code} className="mt-5 max-w-2xl" />;
}

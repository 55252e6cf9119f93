"use client";

import type { Source } from "@/lib/schemas/sources";
import { CodeBlock } from "@/components/console/code-block";
import { useConsole } from "@/components/console/console-context";
import { SecretField } from "@/components/console/secret-field";
import { useOrigin } from "@/components/console/use-client-value";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

export type RevealedKey = { source: Source; key: string };

/** The one moment the whole key exists outside the server: copy it now. */
export function KeyRevealDialog({
  revealed,
  onClose,
}: {
  revealed: RevealedKey | null;
  onClose: () => void;
}) {
  const { api } = useConsole();
  const origin = useOrigin();
  return (
    <Dialog open={revealed !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        size="lg"
        hideClose
        // A stray click outside must not throw the key away; Esc and "Done" still close it.
        onInteractOutside={(e) => e.preventDefault()}
      >
        {revealed ? (
          <>
            <DialogHeader>
              <DialogTitle>Copy your new API key</DialogTitle>
              <DialogDescription>
                <span className="font-medium text-foreground">{revealed.source.name}</span> · source id{" "}
                {revealed.source.id} ·{" "}
                {revealed.source.scopes.map((s) => (
                  <Badge key={s} variant="outline" className="mr-1 align-middle">
                    {s}
                  </Badge>
                ))}
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Alert variant="warning">
                <AlertTitle>This is the only time the whole key is shown</AlertTitle>
                <AlertDescription>
                  Bespoke keeps only a hash of its secret. Store it in your server&apos;s secrets now; if it
                  is lost, revoke it and create another.
                </AlertDescription>
              </Alert>
              <SecretField label="API key" what="API key" value={revealed.key} />
              <CodeBlock
                title={
                  revealed.source.scopes.includes("decide")
                    ? "Ask choose-api for a payload"
                    : "List this project's keys"
                }
                code={
                  revealed.source.scopes.includes("decide")
                    ? `curl -X POST ${origin}${api("/optimization/choose-api")} \\\n  -H "Authorization: Bearer $BESPOKE_KEY" \\\n  -H "content-type: application/json" \\\n  -d '{"identification":{"profileId":"anon-1"},"names":["welcome-back"]}'`
                    : revealed.source.scopes.includes("track")
                      ? `curl -X POST ${origin}${api("/track")} \\\n  -H "Authorization: Bearer $BESPOKE_KEY" \\\n  -H "content-type: application/json" \\\n  -d '{"track":[{"name":"page_viewed","payload":[{"profileId":"anon-1","data":{"path":"/"}}]}]}'`
                      : `curl ${origin}${api("/sources")} \\\n  -H "Authorization: Bearer $BESPOKE_KEY"`
                }
              />
              <p className="text-[13px] leading-snug text-muted-foreground">
                Send it as <code className="font-mono">Authorization: Bearer …</code>,{" "}
                <code className="font-mono">X-API-Key: …</code>, or as Basic auth with the part before the dot
                as user name and the rest as password.
              </p>
            </DialogBody>
            <DialogFooter>
              <Button onClick={onClose}>Done, I have stored it</Button>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

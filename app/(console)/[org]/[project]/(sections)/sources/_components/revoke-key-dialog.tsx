"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Source } from "@/lib/schemas/sources";
import { apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { useConsole } from "@/components/console/console-context";
import { toast } from "@/components/ui/toast";
import { updateCachedSource } from "./key-model";

export function RevokeKeyDialog({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: number) => apiFetch<Source>(api(`/sources/${id}`), { method: "DELETE" }),
    onSuccess: (revoked) => {
      updateCachedSource(queryClient, org, project, revoked);
      toast.success(`Key “${revoked.name}” revoked`, {
        description: "Requests with it now get 401 Unauthorized.",
      });
      onClose();
    },
    onError: (error) => toastError("Could not revoke the key", error),
  });

  return (
    <ConfirmDialog
      open={source !== null}
      onCancel={onClose}
      title={`Revoke “${source?.name ?? ""}”?`}
      description={
        <>
          Every server using the key <code className="font-mono text-foreground">{source?.prefix}</code> stops
          getting answers at once (401). This cannot be undone; the key stays listed as revoked.
        </>
      }
      confirmLabel="Revoke key"
      pending={revoke.isPending}
      onConfirm={() => source && revoke.mutate(source.id)}
    />
  );
}

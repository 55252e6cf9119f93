"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TestProfile } from "@/lib/schemas/test-profiles";
import { apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { audienceKeys } from "@/components/preview/audience-queries";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function DeleteTestProfileDialog({
  profile,
  onClose,
  onDeleted,
}: {
  profile: Pick<TestProfile, "id" | "name"> | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch<null>(api(`/test-profiles/${encodeURIComponent(id)}`), { method: "DELETE" }),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<TestProfile[]>(audienceKeys.testProfiles(org, project), (list) =>
        list?.filter((p) => p.id !== id),
      );
      queryClient.removeQueries({ queryKey: audienceKeys.testProfile(org, project, id) });
      void queryClient.invalidateQueries({ queryKey: audienceKeys.testProfiles(org, project) });
      toast.success(`Test profile “${profile?.name ?? ""}” deleted`);
      onClose();
      onDeleted?.();
    },
    onError: (error) => toastError("Could not delete the test profile", error),
  });

  return (
    <AlertDialog
      open={profile !== null}
      onOpenChange={(open) => (open || remove.isPending ? undefined : onClose())}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{profile?.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            The fictional visitor is gone for everyone in the project, and links to Preview with it stop
            working. Real visitors and decisions are not affected.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
          <Button
            variant="destructive"
            loading={remove.isPending}
            onClick={() => profile && remove.mutate(profile.id)}
          >
            Delete test profile
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

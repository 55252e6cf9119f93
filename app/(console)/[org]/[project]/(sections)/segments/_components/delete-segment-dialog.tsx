"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Segment, SegmentReferrer } from "@/lib/schemas/segments";
import { apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { audienceKeys } from "@/components/preview/audience-queries";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
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
import { ReferrerList } from "./referrer-list";
import { referrersOf } from "./segment-model";

/**
 * Confirms a delete. While conditions still use the segment the API answers 409 with them; the
 * dialog then lists them (each a link to fix it) instead of a generic failure.
 */
export function DeleteSegmentDialog({
  segment,
  onClose,
  onDeleted,
}: {
  segment: Segment | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  // The 409's referrers, for the segment they were answered for: another segment starts clean.
  const [blocked, setBlocked] = useState<{
    segmentId: string;
    referrers: SegmentReferrer[];
    message: string;
  } | null>(null);
  const referrers = blocked && segment && blocked.segmentId === segment.id ? blocked.referrers : null;
  const blockedMessage = referrers ? (blocked?.message ?? null) : null;

  const remove = useMutation({
    mutationFn: (s: Segment) =>
      apiFetch<null>(api(`/segments/${encodeURIComponent(s.id)}`), { method: "DELETE" }),
    onSuccess: (_data, s) => {
      queryClient.setQueryData<Segment[]>(audienceKeys.segments(org, project), (list) =>
        list?.filter((x) => x.id !== s.id),
      );
      queryClient.removeQueries({ queryKey: audienceKeys.segment(org, project, s.key) });
      void queryClient.invalidateQueries({ queryKey: audienceKeys.segments(org, project) });
      toast.success(`Segment “${s.name}” deleted`);
      onClose();
      onDeleted?.();
    },
    onError: (error, s) => {
      const refs = referrersOf(error);
      if (refs)
        setBlocked({
          segmentId: s.id,
          referrers: refs,
          message: error instanceof Error ? error.message : "",
        });
      else toastError("Could not delete the segment", error);
    },
  });

  return (
    <AlertDialog
      open={segment !== null}
      onOpenChange={(open) => (open || remove.isPending ? undefined : onClose())}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {referrers ? `“${segment?.name}” is still in use` : `Delete “${segment?.name}”?`}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {referrers
              ? "Remove it from these conditions first; then it can be deleted."
              : segment?.type === "static"
                ? `The segment and its ${segment.memberCount?.toLocaleString() ?? 0} member${segment.memberCount === 1 ? "" : "s"} are deleted. This cannot be undone.`
                : "The saved condition is deleted. This cannot be undone."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {referrers ? (
          <Alert variant="warning">
            <AlertTitle>
              Used by {referrers.length} condition{referrers.length === 1 ? "" : "s"}
            </AlertTitle>
            <AlertDescription>
              <ReferrerList referrers={referrers} />
              {blockedMessage ? <p className="sr-only">{blockedMessage}</p> : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>{referrers ? "Close" : "Cancel"}</AlertDialogCancel>
          {referrers ? null : (
            <Button
              variant="destructive"
              loading={remove.isPending}
              onClick={() => segment && remove.mutate(segment)}
            >
              Delete segment
            </Button>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

"use client";

import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { inviteSchema } from "@/lib/schemas/auth";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { applyFieldErrors, toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { formatInZone } from "@/components/console/date-time";
import { SecretField } from "@/components/console/secret-field";
import { useOrigin } from "@/components/console/use-client-value";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { RoleSelect } from "./role-select";
import { ROLE_INFO, updateMembersCache, type PendingInvite } from "./roles";

type InviteInput = z.input<typeof inviteSchema>;
type InviteOutput = z.output<typeof inviteSchema>;
type CreatedInvite = { invite: PendingInvite; token: string; path: string };

/** Step 1: email and role. Step 2: the invite link, shown once, to pass on by hand. */
export function InviteDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {/* Radix unmounts the content when closed, so each opening starts with an empty form. */}
      {open ? <InviteDialogContent onClose={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function InviteDialogContent({ onClose }: { onClose: () => void }) {
  const { org, project, api, role: myRole, timezone } = useConsole();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const form = useForm<InviteInput, unknown, InviteOutput>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: "", role: "editor" },
  });
  const { errors, isSubmitting } = form.formState;
  const chosenRole = useWatch({ control: form.control, name: "role" });

  const invite = useMutation({
    mutationFn: (values: InviteOutput) =>
      apiFetch<CreatedInvite>(api("/members/invites"), { method: "POST", body: values }),
    onSuccess: (result) => {
      updateMembersCache(queryClient, org, project, (d) => ({
        ...d,
        invites: [...d.invites.filter((i) => i.email !== result.invite.email), result.invite],
      }));
      setCreated(result);
      toast.success(`Invitation for ${result.invite.email} created`);
    },
    onError: (error) => {
      if (error instanceof ApiClientError && error.status === 409) {
        form.setError("email", { type: "server", message: error.message }, { shouldFocus: true });
        return;
      }
      if (!applyFieldErrors(error, form.setError, ["email", "role"]))
        toastError("Could not create the invitation", error);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    await invite.mutateAsync(values).catch(() => undefined);
  });

  const origin = useOrigin();
  const link = created ? `${origin}${created.path}` : "";

  return (
    <DialogContent
      onInteractOutside={(e) => {
        // Once the link is on screen, a stray click must not lose it.
        if (created) e.preventDefault();
      }}
    >
      {created ? (
        <>
          <DialogHeader>
            <DialogTitle>Share the invite link</DialogTitle>
            <DialogDescription>
              Send this link to <span className="font-medium text-foreground">{created.invite.email}</span>{" "}
              yourself: Bespoke sends no email. It makes them{" "}
              {ROLE_INFO[created.invite.role].label.toLowerCase()} of {org} and works once, until{" "}
              {formatInZone(created.invite.expiresAt, timezone)}.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <SecretField label="Invite link" what="Invite link" value={link} />
            <Alert variant="warning">
              <AlertDescription>
                The link is shown only now. If it is lost, revoke the invitation and invite again.
              </AlertDescription>
            </Alert>
          </DialogBody>
          <DialogFooter>
            <Button variant="outline" onClick={() => setCreated(null)}>
              Invite someone else
            </Button>
            <Button onClick={() => onClose()}>Done</Button>
          </DialogFooter>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Invite to {org}</DialogTitle>
            <DialogDescription>
              They get access to every project of the organization, with the role you choose.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <FormField label="Email" required error={errors.email?.message}>
              {(p) => (
                <Input
                  {...p}
                  type="email"
                  autoComplete="off"
                  autoFocus
                  placeholder="teammate@example.com"
                  {...form.register("email")}
                />
              )}
            </FormField>
            <FormField
              label="Role"
              required
              error={errors.role?.message}
              description={ROLE_INFO[chosenRole].description}
            >
              {(p) => (
                <Controller
                  control={form.control}
                  name="role"
                  render={({ field }) => (
                    <RoleSelect
                      {...p}
                      size="md"
                      className="w-full"
                      value={field.value}
                      actorRole={myRole}
                      onChange={field.onChange}
                    />
                  )}
                />
              )}
            </FormField>
          </DialogBody>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onClose()}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Create invite link
            </Button>
          </DialogFooter>
        </form>
      )}
    </DialogContent>
  );
}

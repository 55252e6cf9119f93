"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MailPlus, UserMinus, X } from "lucide-react";
import type { Role } from "@/lib/auth/permissions";
import { apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { DateTime, RelativeTime } from "@/components/console/date-time";
import { GuardedButton } from "@/components/console/guarded-button";
import { QueryError } from "@/components/console/query-error";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { Tooltip } from "@/components/ui/tooltip";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { InviteDialog } from "./invite-dialog";
import { RoleSelect } from "./role-select";
import {
  MEMBERS_ADMIN_ONLY,
  ROLE_INFO,
  membersQueryKey,
  updateMembersCache,
  type Member,
  type MembersResponse,
  type PendingInvite,
} from "./roles";

export function MembersView() {
  const { org, project, api, canAdmin, role: myRole, user } = useConsole();
  const section = getSection("members");
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: membersQueryKey(org, project),
    queryFn: () => apiFetch<MembersResponse>(api("/members")),
  });
  const [inviteOpen, setInviteOpen] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<PendingInvite | null>(null);

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      apiFetch<{ userId: string; role: Role }>(api(`/members/${encodeURIComponent(member.userId)}`), {
        method: "PATCH",
        body: { role },
      }),
    onSuccess: ({ userId, role }, { member }) => {
      updateMembersCache(queryClient, org, project, (d) => ({
        ...d,
        members: d.members.map((m) => (m.userId === userId ? { ...m, role } : m)),
      }));
      toast.success(`${member.name ?? member.email} is now ${ROLE_INFO[role].label.toLowerCase()}`);
    },
    onError: (error) => toastError("Could not change the role", error),
  });

  const remove = useMutation({
    mutationFn: (member: Member) =>
      apiFetch<unknown>(api(`/members/${encodeURIComponent(member.userId)}`), { method: "DELETE" }),
    onSuccess: (_data, member) => {
      updateMembersCache(queryClient, org, project, (d) => ({
        ...d,
        members: d.members.filter((m) => m.userId !== member.userId),
      }));
      toast.success(`${member.name ?? member.email} was removed from ${org}`);
      setRemoving(null);
    },
    onError: (error) => toastError("Could not remove the member", error),
  });

  const revokeInvite = useMutation({
    mutationFn: (invite: PendingInvite) =>
      apiFetch<unknown>(api(`/members/invites/${encodeURIComponent(invite.id)}`), { method: "DELETE" }),
    onSuccess: (_data, invite) => {
      updateMembersCache(queryClient, org, project, (d) => ({
        ...d,
        invites: d.invites.filter((i) => i.id !== invite.id),
      }));
      toast.success(`Invitation for ${invite.email} revoked`, { description: "Its link no longer works." });
      setRevoking(null);
    },
    onError: (error) => toastError("Could not revoke the invitation", error),
  });

  const pendingRole = changeRole.isPending ? changeRole.variables : undefined;
  const owners = query.data?.members.filter((m) => m.role === "owner").length ?? 0;

  return (
    <>
      <PageHeader
        title={section.title}
        description={section.description}
        actions={
          <GuardedButton allowed={canAdmin} reason={MEMBERS_ADMIN_ONLY} onClick={() => setInviteOpen(true)}>
            <MailPlus aria-hidden="true" />
            Invite
          </GuardedButton>
        }
      />

      {query.isPending ? (
        <TableSkeleton rows={2} columns={4} label="Loading members" />
      ) : query.isError ? (
        <QueryError
          title="Could not load the members"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <div className="grid gap-8">
          <section aria-labelledby="members-heading" className="grid gap-3">
            <h2 id="members-heading" className="text-sm font-semibold">
              {query.data.members.length} member{query.data.members.length === 1 ? "" : "s"} of {org}
            </h2>
            <Table aria-labelledby="members-heading">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Member</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead className="hidden md:table-cell">Joined</TableHead>
                  <TableHead className="w-px">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {query.data.members.map((member) => {
                  const isMe = member.userId === user.id;
                  const ownerLocked = member.role === "owner" && myRole !== "owner";
                  const lastOwner = member.role === "owner" && owners <= 1;
                  const pending = pendingRole?.member.userId === member.userId ? pendingRole.role : undefined;
                  return (
                    <TableRow key={member.userId}>
                      <TableCell className="max-w-44 sm:max-w-72">
                        <div className="flex items-center gap-2.5">
                          <Avatar name={member.name ?? member.email} />
                          <div className="min-w-0">
                            <div className="flex items-center gap-1.5 truncate font-medium">
                              <span className="truncate">{member.name ?? member.email}</span>
                              {isMe ? <Badge variant="primary">You</Badge> : null}
                            </div>
                            {member.name ? (
                              <div className="truncate text-[13px] text-muted-foreground">{member.email}</div>
                            ) : null}
                          </div>
                        </div>
                      </TableCell>
                      <TableCell>
                        {canAdmin ? (
                          <RoleSelect
                            value={pending ?? member.role}
                            actorRole={myRole}
                            disabled={ownerLocked || changeRole.isPending}
                            disabledReason={
                              ownerLocked ? "Only an owner can change an owner's role." : undefined
                            }
                            aria-label={`Role of ${member.name ?? member.email}`}
                            onChange={(role) => role !== member.role && changeRole.mutate({ member, role })}
                          />
                        ) : (
                          <Badge variant={member.role === "owner" ? "primary" : "neutral"}>
                            {ROLE_INFO[member.role].label}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell className="hidden md:table-cell">
                        <DateTime iso={member.joinedAt} />
                      </TableCell>
                      <TableCell className="text-right">
                        {canAdmin && !isMe ? (
                          ownerLocked || lastOwner ? (
                            <Tooltip
                              content={
                                lastOwner
                                  ? "The organization needs at least one owner."
                                  : "Only an owner can remove an owner."
                              }
                            >
                              <span tabIndex={0} className="inline-flex rounded-md focus-ring">
                                <Button
                                  variant="ghost"
                                  size="icon-sm"
                                  disabled
                                  tabIndex={-1}
                                  aria-label={`Remove ${member.email}`}
                                >
                                  <UserMinus aria-hidden="true" />
                                </Button>
                              </span>
                            </Tooltip>
                          ) : (
                            <Tooltip content="Remove from the organization">
                              <Button
                                variant="ghost"
                                size="icon-sm"
                                aria-label={`Remove ${member.email}`}
                                onClick={() => setRemoving(member)}
                              >
                                <UserMinus aria-hidden="true" />
                              </Button>
                            </Tooltip>
                          )
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </section>

          <section aria-labelledby="invites-heading" className="grid gap-3">
            <div>
              <h2 id="invites-heading" className="text-sm font-semibold">
                Pending invitations
              </h2>
              <p className="mt-0.5 text-[13px] text-muted-foreground">
                Bespoke sends no email: each link is shown once, when you invite. Lost a link? Revoke it and
                invite again.
              </p>
            </div>
            {query.data.invites.length === 0 ? (
              <div className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
                No pending invitations.{canAdmin ? " Invite a teammate with the button above." : ""}
              </div>
            ) : (
              <Table aria-labelledby="invites-heading">
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Email</TableHead>
                    <TableHead>Role</TableHead>
                    <TableHead className="hidden md:table-cell">Invited</TableHead>
                    <TableHead>Expires</TableHead>
                    <TableHead className="w-px">
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {query.data.invites.map((invite) => (
                    <TableRow key={invite.id}>
                      <TableCell className="max-w-72 truncate font-medium">{invite.email}</TableCell>
                      <TableCell>
                        <Badge variant="neutral">{ROLE_INFO[invite.role].label}</Badge>
                      </TableCell>
                      <TableCell className="hidden md:table-cell">
                        <RelativeTime iso={invite.createdAt} />
                      </TableCell>
                      <TableCell>
                        <RelativeTime iso={invite.expiresAt} />
                      </TableCell>
                      <TableCell className="text-right">
                        {canAdmin ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            onClick={() => setRevoking(invite)}
                            aria-label={`Revoke the invitation for ${invite.email}`}
                          >
                            <X aria-hidden="true" />
                            Revoke
                          </Button>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
          {canAdmin ? null : <p className="-mt-4 text-[13px] text-muted-foreground">{MEMBERS_ADMIN_ONLY}</p>}
        </div>
      )}

      <InviteDialog open={inviteOpen} onOpenChange={setInviteOpen} />
      <ConfirmDialog
        open={removing !== null}
        onCancel={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? removing?.email ?? ""} from ${org}?`}
        description="They lose access to every project of the organization at once. Their account stays: invite them again to bring them back."
        confirmLabel="Remove member"
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
      />
      <ConfirmDialog
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        title={`Revoke the invitation for ${revoking?.email ?? ""}?`}
        description="The link you shared stops working. You can invite the same address again later."
        confirmLabel="Revoke invitation"
        pending={revokeInvite.isPending}
        onConfirm={() => revoking && revokeInvite.mutate(revoking)}
      />
    </>
  );
}

function Avatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-subtle text-xs font-semibold text-primary-subtle-foreground uppercase"
    >
      {name.trim().slice(0, 1)}
    </span>
  );
}

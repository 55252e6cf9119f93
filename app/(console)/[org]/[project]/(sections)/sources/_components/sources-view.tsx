"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { KeyRound, MoreHorizontal, Pencil, Plus, Ban } from "lucide-react";
import type { Source } from "@/lib/schemas/sources";
import { apiFetch } from "@/lib/client/api";
import { useConsole } from "@/components/console/console-context";
import { GuardedButton } from "@/components/console/guarded-button";
import { QueryError } from "@/components/console/query-error";
import { RelativeTime, DateTime } from "@/components/console/date-time";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../../_components/section-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CreateKeyDialog } from "./create-key-dialog";
import { ADMIN_ONLY, sourcesQueryKey } from "./key-model";
import { KeyRevealDialog, type RevealedKey } from "./key-reveal-dialog";
import { RenameKeyDialog } from "./rename-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";

export function SourcesView() {
  const { org, project, api, canAdmin } = useConsole();
  const section = getSection("sources");
  const query = useQuery({
    queryKey: sourcesQueryKey(org, project),
    queryFn: () => apiFetch<{ sources: Source[] }>(api("/sources")),
  });
  const [createOpen, setCreateOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [renaming, setRenaming] = useState<Source | null>(null);
  const [revoking, setRevoking] = useState<Source | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);

  const all = useMemo(() => query.data?.sources ?? [], [query.data]);
  const revokedCount = all.filter((s) => s.status === "revoked").length;
  const visible = useMemo(
    () =>
      all
        .filter((s) => showRevoked || s.status === "active")
        .sort((a, b) =>
          a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === "active" ? -1 : 1,
        ),
    [all, showRevoked],
  );

  const createButton = (
    <GuardedButton allowed={canAdmin} reason={ADMIN_ONLY} onClick={() => setCreateOpen(true)}>
      <Plus aria-hidden="true" />
      Create key
    </GuardedButton>
  );

  return (
    <>
      <PageHeader
        title={section.title}
        description={section.description}
        actions={all.length > 0 ? createButton : null}
      />

      {query.isPending ? (
        <TableSkeleton rows={3} columns={6} label="Loading API keys" />
      ) : query.isError ? (
        <QueryError
          title="Could not load the API keys"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title="No API keys yet"
          description={
            canAdmin
              ? "Your server needs a key to call choose-api (scope decide) and to send events (scope track). Create one; its secret is shown once."
              : "Your server needs a key to call choose-api and to send events. Ask an owner or admin of this organization to create one."
          }
          action={
            <>
              {canAdmin ? createButton : null}
              <SectionLink org={org} project={project} section="api-reference">
                Read the API reference
              </SectionLink>
            </>
          }
        />
      ) : (
        <div className="grid gap-3">
          {revokedCount > 0 ? (
            <div className="flex items-center justify-end gap-2.5">
              <Switch id="show-revoked" checked={showRevoked} onCheckedChange={setShowRevoked} />
              <Label htmlFor="show-revoked" className="font-normal text-muted-foreground">
                Show revoked keys ({revokedCount})
              </Label>
            </div>
          ) : null}
          {visible.length === 0 ? (
            <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
              {canAdmin
                ? "Every key is revoked. Create a new one for your servers."
                : "Every key is revoked."}
            </p>
          ) : (
            <>
              {/* Phones get one card per key; the table needs more width than they have. */}
              <ul className="grid gap-2 sm:hidden" aria-label="API keys">
                {visible.map((source) => (
                  <KeyCard
                    key={source.id}
                    source={source}
                    canAdmin={canAdmin}
                    onRename={() => setRenaming(source)}
                    onRevoke={() => setRevoking(source)}
                  />
                ))}
              </ul>
              <div className="hidden sm:block">
                <Table aria-label="API keys">
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead>Name</TableHead>
                      <TableHead>Prefix</TableHead>
                      <TableHead>Source id</TableHead>
                      <TableHead>Scopes</TableHead>
                      <TableHead className="hidden lg:table-cell">Created</TableHead>
                      <TableHead>Last used</TableHead>
                      <TableHead>Status</TableHead>
                      <TableHead className="w-px">
                        <span className="sr-only">Actions</span>
                      </TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {visible.map((source) => (
                      <KeyRow
                        key={source.id}
                        source={source}
                        canAdmin={canAdmin}
                        onRename={() => setRenaming(source)}
                        onRevoke={() => setRevoking(source)}
                      />
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          {canAdmin ? null : (
            <p className="text-[13px] text-muted-foreground">{ADMIN_ONLY} You can see them.</p>
          )}
        </div>
      )}

      <CreateKeyDialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        onCreated={(created) => {
          setCreateOpen(false);
          setRevealed(created);
        }}
      />
      <KeyRevealDialog revealed={revealed} onClose={() => setRevealed(null)} />
      <RenameKeyDialog source={renaming} onClose={() => setRenaming(null)} />
      <RevokeKeyDialog source={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function KeyRow({ source, canAdmin, onRename, onRevoke }: KeyItemProps) {
  const revoked = source.status === "revoked";
  return (
    <TableRow className={revoked ? "text-muted-foreground" : undefined}>
      <TableCell className="max-w-64">
        <div className="truncate font-medium text-foreground" title={source.name}>
          {source.name}
        </div>
      </TableCell>
      <TableCell>
        <code className="font-mono text-[13px]">{source.prefix}</code>
      </TableCell>
      <TableCell className="tabular-nums">{source.id}</TableCell>
      <TableCell>
        <ScopeBadges scopes={source.scopes} />
      </TableCell>
      <TableCell className="hidden lg:table-cell">
        <DateTime iso={source.createdAt} />
      </TableCell>
      <TableCell>
        <RelativeTime iso={source.lastUsedAt} fallback="Never" />
      </TableCell>
      <TableCell>
        <StatusBadge source={source} />
      </TableCell>
      <TableCell className="text-right">
        {revoked || !canAdmin ? null : <KeyActions source={source} onRename={onRename} onRevoke={onRevoke} />}
      </TableCell>
    </TableRow>
  );
}

type KeyItemProps = { source: Source; canAdmin: boolean; onRename: () => void; onRevoke: () => void };

function KeyCard({ source, canAdmin, onRename, onRevoke }: KeyItemProps) {
  const revoked = source.status === "revoked";
  return (
    <li className="grid gap-2 rounded-lg border bg-background p-3">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="truncate font-medium">{source.name}</div>
          <code className="font-mono text-xs text-muted-foreground">{source.prefix}</code>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <StatusBadge source={source} />
          {revoked || !canAdmin ? null : (
            <KeyActions source={source} onRename={onRename} onRevoke={onRevoke} />
          )}
        </div>
      </div>
      <ScopeBadges scopes={source.scopes} />
      <dl className="grid grid-cols-2 gap-1 text-[13px]">
        <div>
          <dt className="text-muted-foreground">Source id</dt>
          <dd className="tabular-nums">{source.id}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Last used</dt>
          <dd>
            <RelativeTime iso={source.lastUsedAt} fallback="Never" />
          </dd>
        </div>
      </dl>
    </li>
  );
}

function ScopeBadges({ scopes }: { scopes: readonly string[] }) {
  return (
    <div className="flex flex-wrap gap-1">
      {scopes.map((scope) => (
        <Badge key={scope} variant={scope === "manage" ? "warning" : "outline"}>
          {scope}
        </Badge>
      ))}
    </div>
  );
}

function StatusBadge({ source }: { source: Source }) {
  return source.status === "revoked" ? (
    <Badge variant="neutral" dot title={source.revokedAt ?? undefined}>
      Revoked
    </Badge>
  ) : (
    <Badge variant="success" dot>
      Active
    </Badge>
  );
}

function KeyActions({
  source,
  onRename,
  onRevoke,
}: {
  source: Source;
  onRename: () => void;
  onRevoke: () => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${source.name}`}>
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={onRename}>
          <Pencil aria-hidden="true" />
          Rename
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={onRevoke}>
          <Ban aria-hidden="true" />
          Revoke
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

"use client";

import type { ReactNode } from "react";
import type { ProfileView } from "@/lib/schemas/profiles";
import { CopyButton } from "@/components/console/copy-button";
import { DateTime, RelativeTime } from "@/components/console/date-time";
import { JsonViewer } from "@/components/console/json-viewer";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

const ENGAGEMENT = new Set(["experience_viewed", "experience_clicked", "experience_dismissed"]);

export function ProfileDetails({ view }: { view: ProfileView }) {
  const { profile, events, exposures } = view;
  const title = profile.userId ?? profile.profileIds[0] ?? profile.id;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            <span className="font-mono break-all">{title}</span>
            <Badge variant={profile.userId ? "primary" : "neutral"}>
              {profile.userId ? "Known user" : "Anonymous"}
            </Badge>
            {profile.mergedProfiles.length > 0 ? (
              <Badge variant="outline">
                {profile.mergedProfiles.length} merged profile{profile.mergedProfiles.length === 1 ? "" : "s"}
              </Badge>
            ) : null}
          </CardTitle>
          <CardDescription>
            First seen <DateTime iso={profile.firstSeenAt} />, last seen{" "}
            <RelativeTime iso={profile.lastSeenAt} />.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Internal id" hint="The unit of control bucketing">
              <span className="flex items-center gap-1">
                <code className="font-mono text-[13px] break-all">{profile.id}</code>
                <CopyButton
                  value={profile.id}
                  size="icon-sm"
                  variant="ghost"
                  label="Copy internal id"
                  what="Internal id"
                />
              </span>
            </Field>
            <Field label="User id">
              {profile.userId ? <code className="font-mono text-[13px]">{profile.userId}</code> : <None />}
            </Field>
            <Field label="Account id">
              {profile.accountId ? (
                <code className="font-mono text-[13px]">{profile.accountId}</code>
              ) : (
                <None />
              )}
            </Field>
            <Field label={`Profile ids (${profile.profileIds.length})`} hint="Anonymous device ids">
              {profile.profileIds.length ? (
                <span className="flex flex-wrap gap-1">
                  {profile.profileIds.map((id) => (
                    <code key={id} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                      {id}
                    </code>
                  ))}
                </span>
              ) : (
                <None />
              )}
            </Field>
            <Field label="Source id">
              {profile.sourceId === null ? (
                <None />
              ) : (
                <span className="tabular-nums">{profile.sourceId}</span>
              )}
            </Field>
            {profile.mergedProfiles.length > 0 ? (
              <Field label="Merged profiles">
                <span className="flex flex-wrap gap-1">
                  {profile.mergedProfiles.map((id) => (
                    <code key={id} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                      {id}
                    </code>
                  ))}
                </span>
              </Field>
            ) : null}
          </dl>
        </CardContent>
      </Card>

      <Tabs defaultValue="attributes">
        <TabsList>
          <TabsTrigger value="attributes">Attributes</TabsTrigger>
          <TabsTrigger value="events">
            Events <Badge variant="neutral">{events.length}</Badge>
          </TabsTrigger>
          <TabsTrigger value="exposures">
            Exposures <Badge variant="neutral">{exposures.length}</Badge>
          </TabsTrigger>
        </TabsList>

        <TabsContent value="attributes" className="grid gap-4 lg:grid-cols-2">
          <section className="grid content-start gap-2">
            <h3 className="text-sm font-semibold">
              user.*{" "}
              <span className="font-normal text-muted-foreground">
                ({Object.keys(profile.attributes).length})
              </span>
            </h3>
            <JsonViewer
              value={profile.attributes}
              emptyText="No user attributes yet: send userAttributes with Identify or an event."
            />
          </section>
          <section className="grid content-start gap-2">
            <h3 className="text-sm font-semibold">
              account.*{" "}
              <span className="font-normal text-muted-foreground">
                ({Object.keys(profile.accountAttributes).length})
              </span>
            </h3>
            <JsonViewer
              value={profile.accountAttributes}
              emptyText="No account attributes: send accountAttributes with an accountId."
            />
          </section>
        </TabsContent>

        <TabsContent value="events">
          {events.length === 0 ? (
            <Nothing>No events from this visitor yet.</Nothing>
          ) : (
            <Table aria-label="Recent events">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Event</TableHead>
                  <TableHead>When</TableHead>
                  <TableHead className="hidden md:table-cell">Session</TableHead>
                  <TableHead>Properties</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.map((event) => (
                  <TableRow key={event.eventId} className="align-top">
                    <TableCell className="align-top">
                      <div className="flex items-center gap-2">
                        <code className="font-mono text-[13px] font-medium">{event.name}</code>
                        {ENGAGEMENT.has(event.name) ? <Badge variant="info">engagement</Badge> : null}
                      </div>
                    </TableCell>
                    <TableCell className="align-top">
                      <DateTime iso={event.occurredAt} />
                    </TableCell>
                    <TableCell className="hidden align-top md:table-cell">
                      {event.sessionId ? (
                        <code className="font-mono text-xs">{event.sessionId}</code>
                      ) : (
                        <None />
                      )}
                    </TableCell>
                    <TableCell className="min-w-48 align-top">
                      {Object.keys(event.properties).length ? (
                        <JsonViewer
                          value={event.properties}
                          expandDepth={0}
                          className="border-0 bg-transparent p-0"
                        />
                      ) : (
                        <None />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </TabsContent>

        <TabsContent value="exposures">
          {exposures.length === 0 ? (
            <Nothing>This visitor has not been assigned to any experience yet.</Nothing>
          ) : (
            <Table aria-label="Recent exposures">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Personalization</TableHead>
                  <TableHead>Experience</TableHead>
                  <TableHead>Arm</TableHead>
                  <TableHead className="hidden md:table-cell">Visit</TableHead>
                  <TableHead>When</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {exposures.map((exposure, i) => (
                  <TableRow key={`${exposure.experienceId}-${exposure.at}-${i}`}>
                    <TableCell>
                      <div className="font-medium">
                        {exposure.personalizationName ?? (
                          <span className="text-muted-foreground italic">deleted</span>
                        )}
                      </div>
                      {exposure.selector ? (
                        <code className="font-mono text-xs text-muted-foreground">{exposure.selector}</code>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      {exposure.experienceName ?? (
                        <span className="text-muted-foreground italic">deleted</span>
                      )}
                    </TableCell>
                    <TableCell>
                      <Badge variant={exposure.arm === "treatment" ? "primary" : "neutral"}>
                        {exposure.arm}
                      </Badge>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {exposure.visitId ? (
                        <code className="font-mono text-xs">{exposure.visitId}</code>
                      ) : (
                        <None />
                      )}
                    </TableCell>
                    <TableCell>
                      <DateTime iso={exposure.at} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </TabsContent>
      </Tabs>
      <p className="-mt-2 text-[13px] text-muted-foreground">
        The 50 most recent events and exposures, newest first, across merged profiles.
      </p>
    </div>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 content-start gap-1">
      <dt className="text-[13px] text-muted-foreground" title={hint}>
        {label}
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function None() {
  return <span className="text-muted-foreground">—</span>;
}

function Nothing({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
      {children}
    </p>
  );
}

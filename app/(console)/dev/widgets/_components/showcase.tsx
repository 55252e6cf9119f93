"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { AudienceBuilder, type ConditionJson } from "@/components/audience-builder";
import { DisplayEditor, type DisplaySettings } from "@/components/display-editor";
import { JsonEditor } from "@/components/json-editor";
import { PayloadEditor, renderLocally, scopeFromTestProfile, type PreviewProfile, type PreviewResult } from "@/components/payload-editor";
import { ScheduleEditor, type Schedule } from "@/components/schedule-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Toaster, toast } from "@/components/ui/toast";

const TIMEZONE = "Europe/Berlin";

const attributeCatalog = [
  { path: "user.first_name", type: "string" },
  { path: "user.plan", type: "string" },
  { path: "user.age", type: "number" },
  { path: "user.beta", type: "boolean" },
  { path: "user.tags", type: "array" },
  { path: "user.address.city", type: "string" },
  { path: "account.tier", type: "string" },
  { path: "account.seats", type: "number" },
  { path: "cart.value", type: "number" },
];

const eventCatalog = [
  { name: "purchase", properties: [{ path: "amount", type: "number" }, { path: "sku", type: "string" }] },
  { name: "login" },
  { name: "subscription_renewed" },
  { name: "experience_viewed" },
];

const segments = [
  { key: "vip", name: "VIP customers" },
  { key: "staff", name: "Staff" },
  { key: "newsletter", name: "Newsletter subscribers" },
];

const profiles: PreviewProfile[] = [
  {
    id: "tp_ada",
    name: "Ada, pro plan, Berlin",
    scope: scopeFromTestProfile({ attributes: { first_name: "Ada", plan: "pro", address: { city: "Berlin" } }, accountAttributes: { tier: "gold" }, url: "https://shop.example/pricing?utm_source=newsletter" }),
  },
  { id: "tp_anon", name: "Anonymous on mobile", scope: scopeFromTestProfile({ device: "mobile", url: "https://shop.example/" }) },
];

/** Stands in for the preview API: answers after a moment with the engine's own rendering. */
async function fakePreviewApi(payload: unknown, profile: PreviewProfile | null): Promise<PreviewResult> {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return renderLocally(payload, profile?.scope, TIMEZONE);
}

const samplePayload = `{
  "title": "Welcome back, {{ attribute.user.first_name | default: \\"there\\" }}!",
  "body": "Your {{ attribute.account.tier }} plan renews soon.",
  "cta": { "label": "Renew now", "url": "/renew?from={{ request.path | url_encode }}" },
  "badges": ["{{ attribute.user.address.city }}", "static"]
}`;

const sampleAudience: ConditionJson = {
  $and: [
    { "user.plan": "lapsed" },
    { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } },
    { $or: [{ "context.path": { $regex: "^/pricing" } }, { $segment: "vip" }, { "user.age": { $gte: 18, $lte: 30 } }] },
  ],
};

const unsupportedAudience: ConditionJson = { $nor: [{ "user.plan": "free" }, { "user.orders": { $elemMatch: { total: { $gt: 100 } } } }] };

function Section({ title, description, value, children }: { title: string; description: string; value: unknown; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 pt-4">
        {children}
        <details className="text-[13px]">
          <summary className="cursor-pointer text-muted-foreground">Value</summary>
          <pre className="mt-2 overflow-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid={`${title}-value`}>
            {JSON.stringify(value, null, 2)}
          </pre>
        </details>
      </CardContent>
    </Card>
  );
}

export function Showcase() {
  const [client] = useState(() => new QueryClient());
  const [payload, setPayload] = useState(samplePayload);
  const [audience, setAudience] = useState<ConditionJson | null>(sampleAudience);
  const [handWritten, setHandWritten] = useState<ConditionJson | null>(unsupportedAudience);
  const [emptyAudience, setEmptyAudience] = useState<ConditionJson | null>(null);
  const [schedule, setSchedule] = useState<Schedule | null>({ daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" }, start: "2026-12-01T00:00:00+01:00" });
  const [display, setDisplay] = useState<DisplaySettings>({ frequency: "once_per_visit", devices: "all" });
  const [json, setJson] = useState('{\n  "plan": "pro",\n  "seats": 3\n}');

  return (
    <QueryClientProvider client={client}>
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-6 sm:px-6">
        <header className="grid gap-1">
          <h1 className="text-xl font-semibold tracking-tight">Authoring widgets</h1>
          <p className="text-sm text-muted-foreground">
            Development only: the shared widgets of <code className="font-mono">components/</code> with sample data (time zone {TIMEZONE}).
          </p>
        </header>

        <Section title="Payload editor" description="Monaco, Liquid completion from the attribute catalog, markers, format on Ctrl/Cmd+S, 64 KiB meter, preview." value={payload}>
          <PayloadEditor
            value={payload}
            onChange={setPayload}
            onSave={() => toast.success("Payload saved (formatted)")}
            catalog={attributeCatalog}
            timezone={TIMEZONE}
            profiles={profiles}
            renderPreview={fakePreviewApi}
          />
        </Section>

        <Section title="Audience builder" description="Rows, AND/OR groups, live validation; reads and writes SPEC §3 conditions." value={audience}>
          <AudienceBuilder value={audience} onChange={setAudience} attributeCatalog={attributeCatalog} eventCatalog={eventCatalog} segments={segments} />
        </Section>

        <Section title="Audience builder, hand-written condition" description="A condition the builder cannot show ($nor, $elemMatch with an object) opens in JSON, unchanged." value={handWritten}>
          <AudienceBuilder value={handWritten} onChange={setHandWritten} attributeCatalog={attributeCatalog} eventCatalog={eventCatalog} segments={segments} />
        </Section>

        <Section title="Audience builder, empty" description="An empty audience needs setup: it is not everyone." value={emptyAudience}>
          <AudienceBuilder value={emptyAudience} onChange={setEmptyAudience} attributeCatalog={attributeCatalog} eventCatalog={eventCatalog} segments={segments} />
        </Section>

        <Section title="Schedule editor" description="Date range, weekdays and hours in the project's time zone." value={schedule}>
          <ScheduleEditor value={schedule} onChange={setSchedule} timezone={TIMEZONE} />
        </Section>

        <Section title="Display editor" description="Frequency and devices." value={display}>
          <DisplayEditor value={display} onChange={setDisplay} />
        </Section>

        <Section title="JSON editor" description="The generic Monaco JSON editor, with an optional JSON Schema." value={json}>
          <JsonEditor
            value={json}
            onChange={setJson}
            aria-label="Sample attributes"
            height={160}
            schema={{ type: "object", properties: { plan: { type: "string", enum: ["free", "pro"] }, seats: { type: "integer", minimum: 1 } }, additionalProperties: false }}
          />
        </Section>
      </main>
      <Toaster />
    </QueryClientProvider>
  );
}

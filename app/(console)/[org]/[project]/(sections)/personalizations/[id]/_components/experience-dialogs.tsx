"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { ExperienceConfigFields } from "@/components/personalizations/experience-config-fields";
import { parseJsonText, prettyJson } from "@/components/personalizations/json";
import { usePersonalizationCache } from "@/components/personalizations/queries";
import {
  PayloadField,
  type AudienceValue,
  type DisplayValue,
  type ScheduleValue,
} from "@/components/personalizations/slots";
import { ExperienceStatusBadge } from "@/components/personalizations/status-badge";
import {
  ConflictNotice,
  ConflictPending,
  useVersionedSave,
} from "@/components/personalizations/versioned-save";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { audienceStatus } from "@/lib/engine/condition/audience";
import {
  experienceNameSchema,
  payloadSchema,
  updateExperienceSchema,
  type Experience,
  type ExperienceWriteResult,
} from "@/lib/schemas/experiences";
import type { Personalization } from "@/lib/schemas/personalizations";
import type { ExperienceDialog } from "./experiences-tab";

export function ExperienceDialogs({
  p,
  dialog,
  onClose,
}: {
  p: Personalization;
  dialog: ExperienceDialog | null;
  onClose: () => void;
}) {
  const experience = dialog ? p.experiences.find((e) => e.id === dialog.experienceId) : undefined;
  return (
    <Dialog open={dialog !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        size="xl"
        onInteractOutside={(e) => e.preventDefault()}
        onEscapeKeyDown={(e) => {
          // Escape that closes Monaco's suggestions, hover or find box must not close the dialog too.
          if (codeEditorWidgetOpen(e.target)) e.preventDefault();
        }}
      >
        {dialog && experience ? (
          dialog.kind === "edit" ? (
            <EditPayloadForm key={experience.id} p={p} experience={experience} onDone={onClose} />
          ) : (
            <ConfigureForm
              key={experience.id}
              p={p}
              experience={experience}
              focus={dialog.focus}
              onDone={onClose}
            />
          )
        ) : dialog ? (
          <>
            <DialogHeader>
              <DialogTitle>Experience not found</DialogTitle>
              <DialogDescription>It was deleted meanwhile.</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button onClick={onClose}>Close</Button>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

const EDITOR_WIDGETS = ".suggest-widget.visible, .parameter-hints-widget.visible, .find-widget.visible, .monaco-hover:not(.hidden)";

function codeEditorWidgetOpen(target: EventTarget | null): boolean {
  const frame = target instanceof Element ? target.closest("[data-code-editor]") : null;
  return frame?.querySelector(EDITOR_WIDGETS) != null;
}

function RunningNotice({ p }: { p: Personalization }) {
  if (p.status !== "running") return null;
  return (
    <Alert variant="warning">
      This personalization is running: what you save here goes live immediately.
    </Alert>
  );
}

/** Field errors of an experience write (`payload.hero.title`, `audience.$or.0`) by the part they belong to. */
function partErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiClientError)) return out;
  for (const [path, message] of Object.entries(e.fieldErrors())) {
    const part = path.split(".")[0] ?? path;
    const where = path.includes(".") ? `${path.slice(part.length + 1)}: ` : "";
    out[part] = out[part] ? `${out[part]}; ${where}${message}` : `${where}${message}`;
  }
  return out;
}

/** A failed save: field errors go next to their fields, anything else to a toast; a pending 409 is handled elsewhere. */
function showSaveError(e: unknown, setErrors: (errors: Record<string, string>) => void): void {
  if (e instanceof ConflictPending) return;
  const parts = partErrors(e);
  if (Object.keys(parts).length > 0) setErrors(parts);
  else toast.error("Could not save", { description: e instanceof Error ? e.message : undefined });
}

type PayloadPart = { name: string; payload: unknown } | null;

function EditPayloadForm({
  p,
  experience,
  onDone,
}: {
  p: Personalization;
  experience: Experience;
  onDone: () => void;
}) {
  const { api, canWrite } = useConsole();
  const cache = usePersonalizationCache(p.id);
  const [name, setName] = useState(experience.name);
  const [text, setText] = useState(() => prettyJson(experience.payload));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const pick = (q: Personalization): PayloadPart => {
    const e = q.experiences.find((x) => x.id === experience.id);
    return e ? { name: e.name, payload: e.payload } : null;
  };
  const versioned = useVersionedSave<PayloadPart>({ current: p, pick, fetchLatest: cache.refetch });

  const save = async (reapply = false) => {
    // The same checks as the API: a name, and a JSON payload of at most 64 KiB.
    const next: Record<string, string> = {};
    const nameOk = experienceNameSchema.safeParse(name);
    if (!nameOk.success) next.name = nameOk.error.issues[0]?.message ?? "is invalid";
    const parsed = parseJsonText(text);
    if (!parsed.ok) next.payload = `Payload ${parsed.message}`;
    else {
      const sized = payloadSchema.safeParse(parsed.value);
      if (!sized.success) next.payload = `Payload ${sized.error.issues[0]?.message ?? "is invalid"}`;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.ok) return;
    const body = updateExperienceSchema.parse({ name, payload: parsed.value });
    setBusy(true);
    try {
      const write = (version: number) =>
        apiFetch<ExperienceWriteResult>(
          api(
            `/personalizations/${encodeURIComponent(p.id)}/experiences/${encodeURIComponent(experience.id)}`,
          ),
          {
            method: "PATCH",
            body: { ...body, version },
          },
        );
      const res = reapply ? await versioned.reapply(write) : await versioned.save(write);
      cache.setExperience(res.experience, res.version);
      versioned.saved(res.version, { name: res.experience.name, payload: res.experience.payload });
      toast.success(`Saved “${res.experience.name}”`, {
        description: p.status === "running" ? "Live now." : undefined,
      });
      onDone();
    } catch (e) {
      showSaveError(e, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      // Capture: the payload editor (Monaco) handles Ctrl/⌘+S itself (it formats) and stops it there.
      onKeyDownCapture={(e) => {
        if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          if (canWrite) void save();
        }
      }}
    >
      <DialogHeader>
        <DialogTitle>
          {canWrite ? "Edit" : "View"} “{experience.name}”
        </DialogTitle>
        <DialogDescription>
          The JSON your server gets for this experience. Every string is a Liquid template rendered per
          visitor.
        </DialogDescription>
      </DialogHeader>
      <RunningNotice p={p} />
      {versioned.conflict ? (
        <ConflictNotice
          conflict={versioned.conflict}
          busy={busy}
          gone={
            versioned.conflict.latestValue === null
              ? "This experience was deleted by the other change, so there is nothing to save over."
              : undefined
          }
          onReapply={() => void save(true)}
          onDiscard={() => {
            const latest = versioned.discard();
            if (latest) {
              setName(latest.name);
              setText(prettyJson(latest.payload));
            } else onDone();
          }}
        />
      ) : null}
      <FormField label="Name" error={errors.name} id="edit-experience-name">
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          readOnly={!canWrite}
          className="max-w-md"
        />
      </FormField>
      <div className="grid gap-2">
        <PayloadField
          id="edit-experience-payload"
          label={`Payload of ${name}`}
          value={text}
          onChange={setText}
          readOnly={!canWrite}
          error={errors.payload}
          height={320}
        />
        {errors.payload ? (
          <p role="alert" className="text-[13px] font-medium text-danger">
            {errors.payload}
          </p>
        ) : null}
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {canWrite ? "Cancel" : "Close"}
        </Button>
        {canWrite ? (
          <Button type="submit" loading={busy} disabled={versioned.conflict !== null}>
            Save payload
          </Button>
        ) : null}
      </DialogFooter>
    </form>
  );
}

type ConfigPart = { audience: AudienceValue; display: DisplayValue; schedule: ScheduleValue } | null;

function configOf(e: Experience): NonNullable<ConfigPart> {
  return {
    audience: e.audience,
    display: e.display,
    schedule: Object.keys(e.schedule).length > 0 ? e.schedule : null,
  };
}

function ConfigureForm({
  p,
  experience,
  focus,
  onDone,
}: {
  p: Personalization;
  experience: Experience;
  focus?: string;
  onDone: () => void;
}) {
  const { api, canWrite, timezone } = useConsole();
  const cache = usePersonalizationCache(p.id);
  const [value, setValue] = useState(() => configOf(experience));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const pick = (q: Personalization): ConfigPart => {
    const e = q.experiences.find((x) => x.id === experience.id);
    return e ? configOf(e) : null;
  };
  const versioned = useVersionedSave<ConfigPart>({ current: p, pick, fetchLatest: cache.refetch });
  const status = audienceStatus(value.audience);

  const save = async (reapply = false) => {
    const parsed = updateExperienceSchema.safeParse({
      audience: value.audience,
      display: value.display,
      schedule: value.schedule,
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? "audience")] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const write = (version: number) =>
        apiFetch<ExperienceWriteResult>(
          api(
            `/personalizations/${encodeURIComponent(p.id)}/experiences/${encodeURIComponent(experience.id)}`,
          ),
          {
            method: "PATCH",
            body: { audience: value.audience, display: value.display, schedule: value.schedule, version },
          },
        );
      const res = reapply ? await versioned.reapply(write) : await versioned.save(write);
      cache.setExperience(res.experience, res.version);
      versioned.saved(res.version, configOf(res.experience));
      toast.success(`Saved “${res.experience.name}”`, {
        description:
          res.experience.status === "ready"
            ? p.status === "running"
              ? "Ready, and live now."
              : "Ready."
            : "Still needs setup: its audience has no condition.",
      });
      onDone();
    } catch (e) {
      showSaveError(e, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="grid gap-4"
      data-focus={focus}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DialogHeader>
        <DialogTitle className="flex flex-wrap items-center gap-2">
          {canWrite ? "Configure" : "Configuration of"} “{experience.name}”{" "}
          <ExperienceStatusBadge status={status} />
        </DialogTitle>
        <DialogDescription>
          Who sees this experience, how often, on which devices, and when.
        </DialogDescription>
      </DialogHeader>
      <RunningNotice p={p} />
      {versioned.conflict ? (
        <ConflictNotice
          conflict={versioned.conflict}
          busy={busy}
          gone={
            versioned.conflict.latestValue === null
              ? "This experience was deleted by the other change, so there is nothing to save over."
              : undefined
          }
          onReapply={() => void save(true)}
          onDiscard={() => {
            const latest = versioned.discard();
            if (latest) setValue(latest);
            else onDone();
          }}
        />
      ) : null}
      <ExperienceConfigFields
        idPrefix="configure"
        name={experience.name}
        timezone={timezone}
        readOnly={!canWrite}
        audience={{
          value: value.audience,
          onChange: (audience) => setValue((v) => ({ ...v, audience })),
          error: errors.audience,
        }}
        display={{
          value: value.display,
          onChange: (display) => setValue((v) => ({ ...v, display })),
          error: errors.display,
        }}
        schedule={{
          value: value.schedule,
          onChange: (schedule) => setValue((v) => ({ ...v, schedule })),
          error: errors.schedule,
        }}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {canWrite ? "Cancel" : "Close"}
        </Button>
        {canWrite ? (
          <Button type="submit" loading={busy} disabled={versioned.conflict !== null}>
            Save configuration
          </Button>
        ) : null}
      </DialogFooter>
    </form>
  );
}

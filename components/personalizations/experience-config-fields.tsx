"use client";

import {
  AudienceField,
  DisplayField,
  ScheduleField,
  type AudienceValue,
  type DisplayValue,
  type ScheduleValue,
} from "./slots";

type Part<T> = { value: T; onChange: (value: T) => void; error?: string };

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="text-[13px] font-medium text-danger">
      {error}
    </p>
  );
}

/** An experience's configuration: audience, then display rules and schedule side by side. */
export function ExperienceConfigFields({
  idPrefix,
  name,
  timezone,
  audience,
  display,
  schedule,
  readOnly = false,
}: {
  /** Ids of the parts are `${idPrefix}-audience`, `-display`, `-schedule` (problem links go there). */
  idPrefix: string;
  name: string;
  timezone: string;
  audience: Part<AudienceValue>;
  display: Part<DisplayValue>;
  schedule: Part<ScheduleValue>;
  readOnly?: boolean;
}) {
  return (
    <div className="grid gap-5">
      <div className="grid gap-2">
        <div>
          <h5 className="text-[13px] font-semibold">Audience</h5>
          <p className="text-[13px] text-muted-foreground">
            Visitors who match get this experience (if no experience above them matched first).
          </p>
        </div>
        <AudienceField
          id={`${idPrefix}-audience`}
          label={`Audience of ${name}`}
          value={audience.value}
          onChange={audience.onChange}
          error={audience.error}
          readOnly={readOnly}
        />
        <FieldError id={`${idPrefix}-audience-error`} error={audience.error} />
      </div>
      <div className="grid gap-5">
        <div className="grid content-start gap-2">
          <div>
            <h5 className="text-[13px] font-semibold">Display</h5>
            <p className="text-[13px] text-muted-foreground">
              How often one visitor may see it, and on which devices.
            </p>
          </div>
          <DisplayField
            id={`${idPrefix}-display`}
            label={`Display rules of ${name}`}
            value={display.value}
            onChange={display.onChange}
            error={display.error}
            readOnly={readOnly}
          />
          <FieldError id={`${idPrefix}-display-error`} error={display.error} />
        </div>
        <div className="grid content-start gap-2">
          <div>
            <h5 className="text-[13px] font-semibold">Schedule</h5>
            <p className="text-[13px] text-muted-foreground">
              When it may show, in the project&apos;s time zone (
              <span className="font-medium text-foreground">{timezone}</span>).
            </p>
          </div>
          <ScheduleField
            id={`${idPrefix}-schedule`}
            label={`Schedule of ${name}`}
            value={schedule.value}
            onChange={schedule.onChange}
            error={schedule.error}
            readOnly={readOnly}
            timezone={timezone}
          />
          <FieldError id={`${idPrefix}-schedule-error`} error={schedule.error} />
        </div>
      </div>
    </div>
  );
}

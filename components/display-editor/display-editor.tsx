"use client";

import { useId, type ComponentType, type SVGProps } from "react";
import { Monitor, MonitorSmartphone, Repeat, Repeat1, Smartphone, Timer } from "lucide-react";
import type { DeviceTarget, Frequency } from "@/lib/engine";
import { cn } from "@/lib/utils/cn";

export interface DisplaySettings {
  readonly frequency: Frequency;
  readonly devices: DeviceTarget;
}

export interface DisplayEditorProps {
  value: DisplaySettings;
  onChange: (value: DisplaySettings) => void;
  readOnly?: boolean;
  className?: string;
}

interface Option<T> {
  readonly value: T;
  readonly label: string;
  readonly hint: string;
  readonly icon: ComponentType<SVGProps<SVGSVGElement>>;
}

export const FREQUENCY_OPTIONS: readonly Option<Frequency>[] = [
  { value: "always", label: "Every time", hint: "On every matching page view.", icon: Repeat },
  { value: "once", label: "Once per visitor", hint: "One time ever; afterwards the next experience is tried.", icon: Repeat1 },
  { value: "once_per_visit", label: "Once per visit", hint: "At most once per visit (session, or 30 idle minutes).", icon: Timer },
];

export const DEVICE_OPTIONS: readonly Option<DeviceTarget>[] = [
  { value: "all", label: "All devices", hint: "Also requests whose device is unknown.", icon: MonitorSmartphone },
  { value: "mobile", label: "Mobile", hint: "Phones, tablets and wearables.", icon: Smartphone },
  { value: "desktop", label: "Desktop", hint: "Desktop browsers and everything else.", icon: Monitor },
];

/** Display rules (SPEC §2): how often one visitor may see the experience, and on which devices. */
export function DisplayEditor({ value, onChange, readOnly = false, className }: DisplayEditorProps) {
  return (
    <div className={cn("grid min-w-0 gap-5", className)} data-slot="display-editor">
      <RadioCards legend="Frequency" options={FREQUENCY_OPTIONS} value={value.frequency} onChange={(frequency) => onChange({ ...value, frequency })} disabled={readOnly} />
      <RadioCards legend="Devices" options={DEVICE_OPTIONS} value={value.devices} onChange={(devices) => onChange({ ...value, devices })} disabled={readOnly} />
    </div>
  );
}

/** Native radios (arrow keys move the choice) dressed as cards. */
function RadioCards<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  options: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
  disabled: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {options.map((o) => {
          const Icon = o.icon;
          const id = `${name}-${o.value}`;
          return (
            <label
              key={o.value}
              htmlFor={id}
              className={cn(
                "relative flex cursor-pointer items-start gap-2.5 rounded-lg border bg-background p-3 transition-colors",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
                "has-[:checked]:border-primary has-[:checked]:bg-primary-subtle/60 hover:bg-muted/60",
                disabled && "cursor-not-allowed opacity-60",
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                disabled={disabled}
                aria-describedby={`${id}-hint`}
                className="peer sr-only"
              />
              <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground peer-checked:text-primary" />
              <span className="grid gap-0.5">
                <span className="text-sm font-medium">{o.label}</span>
                <span id={`${id}-hint`} className="text-[13px] leading-snug text-muted-foreground">
                  {o.hint}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

"use client";

import type { Role } from "@/lib/auth/permissions";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tooltip } from "@/components/ui/tooltip";
import { ROLE_INFO, ROLE_ORDER, assignableRoles } from "./roles";

type RoleSelectProps = {
  value: Role;
  onChange: (role: Role) => void;
  /** The signed-in member's role: an admin cannot hand out or take away "owner". */
  actorRole: Role;
  disabled?: boolean;
  /** Shown in a tooltip when disabled for a reason the user should know. */
  disabledReason?: string;
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
  size?: "sm" | "md";
  className?: string;
};

/** Owner, admin, editor or viewer, each with what it may do. */
export function RoleSelect({
  value,
  onChange,
  actorRole,
  disabled,
  disabledReason,
  size = "sm",
  className,
  ...aria
}: RoleSelectProps) {
  const allowed = assignableRoles(actorRole);
  const select = (
    <Select value={value} onValueChange={(v) => onChange(v as Role)} disabled={disabled}>
      <SelectTrigger size={size} className={className ?? "w-32"} {...aria}>
        <SelectValue>{ROLE_INFO[value].label}</SelectValue>
      </SelectTrigger>
      <SelectContent className="min-w-64">
        {ROLE_ORDER.map((role) => (
          <SelectItem key={role} value={role} disabled={!allowed.includes(role)} className="items-start py-2">
            <span className="grid gap-0.5">
              <span className="font-medium">{ROLE_INFO[role].label}</span>
              <span className="text-xs whitespace-normal text-muted-foreground">
                {allowed.includes(role) ? ROLE_INFO[role].description : "Only an owner can make owners."}
              </span>
            </span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
  if (disabled && disabledReason) {
    return (
      <Tooltip content={disabledReason}>
        <span tabIndex={0} className="inline-flex rounded-md focus-ring">
          {select}
        </span>
      </Tooltip>
    );
  }
  return select;
}

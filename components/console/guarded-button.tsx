"use client";

import { Button, type ButtonProps } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";

type GuardedButtonProps = ButtonProps & {
  /** Whether the signed-in member's role may do this. */
  allowed: boolean;
  /** Why not, shown in a tooltip on hover and keyboard focus ("Only owners and admins can create keys."). */
  reason: string;
};

/**
 * A button the user's role may not use: shown disabled with a tooltip that says why. A disabled
 * `<button>` gets no pointer or focus events, so the tooltip hangs on a focusable wrapper.
 * The API enforces the same rule; this only spares the user a 403.
 */
export function GuardedButton({ allowed, reason, ...props }: GuardedButtonProps) {
  if (allowed) return <Button {...props} />;
  return (
    <Tooltip content={reason}>
      <span
        tabIndex={0}
        data-slot="guarded-button"
        className="inline-flex cursor-not-allowed rounded-md focus-ring"
      >
        <Button {...props} disabled tabIndex={-1} />
      </span>
    </Tooltip>
  );
}

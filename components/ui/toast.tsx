"use client";

import type { ComponentProps, CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";
import { CircleCheck, Info, OctagonExclamationPoint, TriangleExclamationPoint } from "lucide-react";
import { Spinner } from "./spinner";

export { toast } from "sonner";

export type ToasterProps = ComponentProps<typeof Sonner>;

/** Mount once near the root; then call `toast.success("Saved")`, `toast.error(…)`, `toast.promise(…)` anywhere. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      closeButton
      icons={{
        success: <CircleCheck className="size-4 text-success" />,
        info: <Info className="size-4 text-info" />,
        warning: <TriangleExclamationPoint className="size-4 text-warning" />,
        error: <OctagonExclamationPoint className="size-4 text-danger" />,
        loading: <Spinner label={null} className="size-4 text-muted-foreground" />,
      }}
      toastOptions={{
        classNames: {
          toast: "rounded-lg! border-border! shadow-lg! font-sans! gap-2.5!",
          title: "text-sm! font-medium! text-foreground!",
          description: "text-[13px]! text-muted-foreground!",
          actionButton: "bg-primary! text-primary-foreground! rounded-md!",
          cancelButton: "bg-muted! text-foreground! rounded-md!",
        },
      }}
      style={
        {
          "--normal-bg": "var(--color-background)",
          "--normal-text": "var(--color-foreground)",
          "--normal-border": "var(--color-border)",
          "--border-radius": "var(--radius-lg)",
        } as CSSProperties
      }
      {...props}
    />
  );
}

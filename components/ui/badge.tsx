import type { ComponentProps } from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";

export const badgeVariants = cva(
  [
    "inline-flex w-fit shrink-0 items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap",
    "[&>svg]:pointer-events-none [&>svg]:size-3",
  ],
  {
    variants: {
      variant: {
        neutral: "border-border bg-muted text-foreground/80",
        primary: "border-primary/20 bg-primary-subtle text-primary-subtle-foreground",
        success: "border-success-border bg-success-subtle text-success-foreground",
        warning: "border-warning-border bg-warning-subtle text-warning-foreground",
        danger: "border-danger-border bg-danger-subtle text-danger-foreground",
        info: "border-info-border bg-info-subtle text-info-foreground",
        outline: "border-border bg-background text-foreground",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

const dotColors = {
  neutral: "bg-muted-foreground",
  primary: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  danger: "bg-danger",
  info: "bg-info",
  outline: "bg-muted-foreground",
} as const;

export type BadgeProps = ComponentProps<"span"> &
  VariantProps<typeof badgeVariants> & {
    /** A small coloured dot before the text: for statuses (running, paused, draft…). */
    dot?: boolean;
    asChild?: boolean;
  };

export function Badge({ className, variant, dot = false, asChild = false, children, ...props }: BadgeProps) {
  const Comp = asChild ? Slot.Root : "span";
  return (
    <Comp data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props}>
      {dot && !asChild ? (
        <span aria-hidden="true" className={cn("size-1.5 rounded-full", dotColors[variant ?? "neutral"])} />
      ) : null}
      {children}
    </Comp>
  );
}

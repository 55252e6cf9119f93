import type { ComponentProps, ComponentType, ReactNode, SVGProps } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, Info, OctagonExclamationPoint, TriangleExclamationPoint } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export const alertVariants = cva(
  "relative flex w-full items-start gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-info-border bg-info-subtle text-info-foreground [&>svg]:text-info",
        success: "border-success-border bg-success-subtle text-success-foreground [&>svg]:text-success",
        warning: "border-warning-border bg-warning-subtle text-warning-foreground [&>svg]:text-warning",
        danger: "border-danger-border bg-danger-subtle text-danger-foreground [&>svg]:text-danger",
        neutral: "border-border bg-subtle text-foreground [&>svg]:text-muted-foreground",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const defaultIcons = {
  info: Info,
  success: CircleCheck,
  warning: TriangleExclamationPoint,
  danger: OctagonExclamationPoint,
  neutral: Info,
} as const;

export type AlertProps = ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Replace the variant's icon, or pass `null` for none. */
    icon?: ComponentType<SVGProps<SVGSVGElement>> | null;
    /** Buttons on the right (a banner's "Retry", "Learn more"). */
    action?: ReactNode;
  };

/** An inline message or page banner. `danger` and `warning` are announced (role=alert), others are not. */
export function Alert({ className, variant, icon, action, children, role, ...props }: AlertProps) {
  const tone = variant ?? "info";
  const Icon = icon === undefined ? defaultIcons[tone] : icon;
  return (
    <div
      data-slot="alert"
      role={role ?? (tone === "danger" || tone === "warning" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {Icon ? <Icon aria-hidden="true" /> : null}
      <div className="grid min-w-0 flex-1 gap-0.5">{children}</div>
      {action ? <div className="-my-1 flex shrink-0 items-center gap-2">{action}</div> : null}
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return <p data-slot="alert-title" className={cn("leading-5 font-medium", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("leading-relaxed opacity-90 [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}

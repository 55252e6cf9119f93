import type { ComponentProps, ComponentType, ReactNode, SVGProps } from "react";
import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A lucide icon component (`icon={Sparkles}`). */
  icon?: ComponentType<SVGProps<SVGSVGElement>>;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links: what to do to fill this place. */
  action?: ReactNode;
  /** `dashed` for a page body, `plain` inside a card or table. */
  variant?: "dashed" | "plain";
};

export function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  variant = "dashed",
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center px-6 py-14 text-center",
        variant === "dashed" && "rounded-xl border border-dashed border-border-strong bg-subtle/60",
        className,
      )}
      {...props}
    >
      {Icon ? (
        <div className="mb-4 flex size-11 items-center justify-center rounded-xl border bg-background text-muted-foreground shadow-xs">
          <Icon aria-hidden="true" className="size-5" />
        </div>
      ) : null}
      <h2 className="text-base font-semibold tracking-tight text-foreground">{title}</h2>
      {description ? (
        <p className="mt-1.5 max-w-md text-sm leading-relaxed text-pretty text-muted-foreground">
          {description}
        </p>
      ) : null}
      {children}
      {action ? <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

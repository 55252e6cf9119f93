"use client";

import { ArrowRight } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

export type ProblemLink = { key: string; where: string; message: string; onGo?: () => void };

/** Every problem at once, each a link to where it is fixed. */
export function ProblemList({
  title,
  description,
  problems,
  className,
}: {
  title: string;
  description?: string;
  problems: ProblemLink[];
  className?: string;
}) {
  return (
    <Alert variant="danger" className={className} aria-live="polite">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {description ? <p>{description}</p> : null}
        <ul className="mt-2 grid gap-1.5">
          {problems.map((p) => (
            <li key={p.key}>
              {p.onGo ? (
                <button
                  type="button"
                  onClick={p.onGo}
                  className="group grid w-full gap-0.5 rounded-md px-2 py-1.5 text-left hover:bg-danger/10 focus-ring sm:flex sm:items-baseline sm:gap-2"
                >
                  <span className="inline-flex items-center gap-1 font-medium whitespace-nowrap underline decoration-danger/40 underline-offset-2 group-hover:decoration-danger">
                    {p.where}
                    <ArrowRight aria-hidden="true" className="size-3.5" />
                  </span>
                  <span className="text-foreground/80">{p.message}</span>
                </button>
              ) : (
                <p className="px-2 py-1.5">
                  <span className="font-medium">{p.where}</span>{" "}
                  <span className="text-foreground/80">{p.message}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

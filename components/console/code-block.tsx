import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

type CodeBlockProps = {
  code: string;
  /** What the copy toast names ("Command"). */
  what?: string;
  /** A caption above the block, e.g. "Send your first event". */
  title?: string;
  className?: string;
};

/** A shell command or JSON snippet with a copy button; scrolls sideways instead of breaking the layout on phones. */
export function CodeBlock({ code, what = "Command", title, className }: CodeBlockProps) {
  return (
    <div
      className={cn(
        "w-full min-w-0 overflow-hidden rounded-lg border bg-foreground text-left text-background",
        className,
      )}
    >
      <div className="flex items-center justify-between gap-2 border-b border-white/10 py-1.5 pr-1.5 pl-3">
        <span className="truncate text-xs font-medium text-white/70">{title ?? what}</span>
        <CopyButton
          value={code}
          what={what}
          aria-label={`Copy ${what.toLowerCase()}`}
          variant="ghost"
          size="sm"
          className="h-7 text-white/80 hover:bg-white/10 hover:text-white"
        />
      </div>
      <pre className="overflow-x-auto p-3 font-mono text-[12.5px] leading-5">
        <code>{code}</code>
      </pre>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/**
 * Puts text on the clipboard. `navigator.clipboard` needs a secure context (https or localhost); a
 * self-hosted console is often reached over plain http on a LAN address, so fall back to a hidden
 * textarea and `execCommand("copy")`, which still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  // Inside a modal dialog the focus trap would steal focus from a textarea on <body>.
  const host = document.activeElement?.closest("[role=dialog],[role=alertdialog]") ?? document.body;
  host.appendChild(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus();
  return ok;
}

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  value: string;
  /** The button's text; with `size="icon"` it is the accessible name only. */
  label?: string;
  /** What the success toast names ("Key", "Invite link"). */
  what?: string;
};

/** A button that copies `value`, says "Copied" for a moment and toasts; on failure asks the user to copy by hand. */
export function CopyButton({
  value,
  label = "Copy",
  what = "Text",
  size = "sm",
  variant = "outline",
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const onClick = async () => {
    const ok = await copyText(value);
    if (!ok) {
      toast.error("Could not copy", { description: "Select the text and copy it by hand (Ctrl+C or ⌘C)." });
      return;
    }
    setCopied(true);
    toast.success(`${what} copied to the clipboard`);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  };

  const iconOnly = size === "icon" || size === "icon-sm";
  const Icon = copied ? Check : Copy;
  return (
    <Button
      type="button"
      size={size}
      variant={variant}
      onClick={onClick}
      aria-label={iconOnly ? label : undefined}
      {...props}
    >
      <Icon aria-hidden="true" className={copied ? "text-success" : undefined} />
      {iconOnly ? null : <span className="min-w-[3.25rem] text-left">{copied ? "Copied" : label}</span>}
    </Button>
  );
}

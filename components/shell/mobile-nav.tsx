"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";

/** On narrow screens the sidebar hides behind a menu button that opens it as a drawer. */
export function MobileNav({ org, project }: { org: string; project: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="-ml-1 shell:hidden" aria-label="Open navigation">
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent className="bg-subtle">
        <div className="flex h-14 shrink-0 items-center border-b px-4">
          <SheetTitle asChild>
            <span>
              <Logo />
            </span>
          </SheetTitle>
          <SheetDescription className="sr-only">
            Sections of {org} / {project}
          </SheetDescription>
        </div>
        <SidebarNav org={org} project={project} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}

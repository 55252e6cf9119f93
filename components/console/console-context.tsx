"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { Role } from "@/lib/auth/permissions";

/** Where the console is (org, project, its time zone) and who is using it (role decides what is editable). */
export interface ConsoleInfo {
  org: string;
  project: string;
  timezone: string;
  role: Role;
  user: { id: string; email: string; name: string | null };
}

const ConsoleContext = createContext<ConsoleInfo | null>(null);

export function useConsole(): ConsoleInfo & { canWrite: boolean; canAdmin: boolean; api: (path?: string) => string } {
  const info = useContext(ConsoleContext);
  if (!info) throw new Error("useConsole() outside the console layout");
  return {
    ...info,
    canWrite: info.role !== "viewer",
    canAdmin: info.role === "owner" || info.role === "admin",
    api: (path = "") => `/api/v1/${encodeURIComponent(info.org)}/projects/${encodeURIComponent(info.project)}${path}`,
  };
}

/** The console's client state: react-query for server data, and the console context. */
export function ConsoleProviders({ info, children }: { info: ConsoleInfo; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 10_000, retry: (count, error) => count < 2 && !(error as { status?: number }).status } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ConsoleContext.Provider value={info}>{children}</ConsoleContext.Provider>
    </QueryClientProvider>
  );
}

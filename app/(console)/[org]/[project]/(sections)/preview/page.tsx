import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { PreviewView, type PreviewLink } from "./_components/preview-view";

export const metadata: Metadata = { title: getSection("preview").title };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** `…/preview?testProfile=<id>&names=a,b` (also `groups=`, `all=1`, `drafts=1`, `at=<ISO>`) pre-fills the form. */
export default async function PreviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const link: PreviewLink = {
    testProfileId: one(params.testProfile) ?? null,
    names: list(params.names),
    groups: list(params.groups),
    all: one(params.all) === "1" || one(params.all) === "true",
    includeNotRunning: one(params.drafts) === "1" || one(params.drafts) === "true",
    at: one(params.at) ?? null,
  };
  return <PreviewView link={link} />;
}

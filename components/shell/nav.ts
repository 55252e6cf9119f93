import type { LucideIcon } from "lucide-react";
import {
  Activity,
  BookOpen,
  Contact,
  FlaskConical,
  KeyRound,
  Layers,
  LayoutTemplate,
  ScanEye,
  Settings,
  Sparkles,
  Tags,
  Users,
  UsersRound,
} from "lucide-react";

// The console's sections (SPEC §8), in sidebar order. Pages read their title and one-line purpose
// from here too, so the sidebar and the page headers never disagree.

export type SectionSlug =
  | "personalizations"
  | "templates"
  | "groups"
  | "segments"
  | "test-profiles"
  | "preview"
  | "events"
  | "attributes"
  | "profiles"
  | "sources"
  | "members"
  | "settings"
  | "api-reference";

export type Section = {
  slug: SectionSlug;
  /** The sidebar's label. */
  label: string;
  /** The page's title, when it says more than the label. */
  title: string;
  /** One line: what the section is for. */
  description: string;
  icon: LucideIcon;
};

export type SectionGroup = { label: string; sections: readonly Section[] };

const sections = {
  personalizations: {
    slug: "personalizations",
    label: "Personalizations",
    title: "Personalizations",
    description:
      "Experiences organised around one goal. Your server asks choose-api which JSON payload each visitor should get.",
    icon: Sparkles,
  },
  templates: {
    slug: "templates",
    label: "Templates",
    title: "Templates",
    description: "Saved, named JSON payloads that a new experience can start from.",
    icon: LayoutTemplate,
  },
  groups: {
    slug: "groups",
    label: "Selector groups",
    title: "Selector groups",
    description:
      "Named sets of personalizations: asking choose-api for a group returns every running member.",
    icon: Layers,
  },
  segments: {
    slug: "segments",
    label: "Segments",
    title: "Segments",
    description:
      "Reusable audiences: a saved condition, or a static list of user ids uploaded as CSV or sent over the API.",
    icon: UsersRound,
  },
  "test-profiles": {
    slug: "test-profiles",
    label: "Test profiles",
    title: "Test profiles",
    description:
      "Saved fictional visitors (attributes, past events, segments, device, URL, session and moment in time) to preview decisions with.",
    icon: FlaskConical,
  },
  preview: {
    slug: "preview",
    label: "Preview",
    title: "Preview",
    description:
      "Choose a test profile or type one, and see each selector's outcome, the rendered payload and the trace.",
    icon: ScanEye,
  },
  events: {
    slug: "events",
    label: "Events",
    title: "Events",
    description:
      "The catalog of events your visitors' profiles send: names, properties, and how often each is seen.",
    icon: Activity,
  },
  attributes: {
    slug: "attributes",
    label: "Attributes",
    title: "Attributes",
    description:
      "The catalog of user.* and account.* attributes known about profiles, usable in audience conditions.",
    icon: Tags,
  },
  profiles: {
    slug: "profiles",
    label: "Profiles",
    title: "Profiles",
    description:
      "Your visitors: anonymous and known ids, account, source and attributes, with the events each one sent.",
    icon: Contact,
  },
  sources: {
    slug: "sources",
    label: "API keys",
    title: "Sources & API keys",
    description:
      "The project's API credentials, each scoped to decide, track or manage. A key's secret is shown once, then only its hash is kept.",
    icon: KeyRound,
  },
  members: {
    slug: "members",
    label: "Members",
    title: "Members",
    description: "Who can use this organization's console, as owner, admin, editor or viewer.",
    icon: Users,
  },
  settings: {
    slug: "settings",
    label: "Settings",
    title: "Project settings",
    description: "The project's name and its IANA time zone, which schedules and daily results follow.",
    icon: Settings,
  },
  "api-reference": {
    slug: "api-reference",
    label: "API reference",
    title: "API reference",
    description:
      "The decision, tracking and management REST API: every endpoint, its body, its answers and its scope.",
    icon: BookOpen,
  },
} as const satisfies Record<SectionSlug, Section>;

export const sectionGroups: readonly SectionGroup[] = [
  { label: "Personalize", sections: [sections.personalizations, sections.templates, sections.groups] },
  { label: "Audience", sections: [sections.segments, sections["test-profiles"], sections.preview] },
  { label: "Data", sections: [sections.events, sections.attributes, sections.profiles] },
  { label: "Project", sections: [sections.sources, sections.members, sections.settings] },
];

/** Shown apart, at the foot of the sidebar. */
export const footerSections: readonly Section[] = [sections["api-reference"]];

export function getSection(slug: SectionSlug): Section {
  return sections[slug];
}

export function sectionHref(org: string, project: string, slug: SectionSlug): string {
  return `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/${slug}`;
}

export const defaultSection: SectionSlug = "personalizations";

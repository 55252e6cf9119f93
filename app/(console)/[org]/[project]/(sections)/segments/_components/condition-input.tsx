"use client";

import { useMemo } from "react";
import { AudienceBuilder, type ConditionJson } from "@/components/audience-builder";
import { useCatalogAttributes, useCatalogEvents, useSegments } from "@/components/preview/audience-queries";

type ConditionInputProps = {
  value: ConditionJson | null;
  onChange: (value: ConditionJson | null) => void;
  /** The key of the segment being edited: it cannot name itself, so it is not offered. */
  selfKey: string | null;
  readOnly?: boolean;
};

/**
 * A rule segment's condition (SPEC §3) in the shared audience builder, with the project's catalogs
 * and its other segments to pick from. Conditions the builder cannot show open in its JSON editor.
 */
export function ConditionInput({ value, onChange, selfKey, readOnly = false }: ConditionInputProps) {
  const attributes = useCatalogAttributes();
  const events = useCatalogEvents();
  const segments = useSegments();
  const others = useMemo(
    () => segments.data?.filter((s) => s.key !== selfKey).map((s) => ({ key: s.key, name: s.name })),
    [segments.data, selfKey],
  );
  return (
    <AudienceBuilder
      value={value}
      onChange={onChange}
      attributeCatalog={attributes.data ?? []}
      eventCatalog={events.data ?? []}
      segments={others}
      readOnly={readOnly}
      aria-label="Condition"
    />
  );
}

import { describe, expect, it } from "vitest";
import { updateProjectSchema as serviceSchema } from "../services/projects/update-project";
import { projectSettingsFormSchema, updateProjectSchema } from "./projects";

// The console's copy must accept and reject exactly what the API does, with the same messages.
const inputs: unknown[] = [
  {},
  { name: "shop" },
  { name: "shop-2_b" },
  { name: "my shop" },
  { name: "shop*" },
  { name: "" },
  { name: "x".repeat(101) },
  { timezone: "Europe/Berlin" },
  { timezone: "europe/berlin" },
  { timezone: "Mars/Olympus" },
  { name: "shop", timezone: "UTC" },
  { name: 3 },
];

describe("lib/schemas/projects", () => {
  it.each(inputs)("parses %j as the service does", (input) => {
    const ours = updateProjectSchema.safeParse(input);
    const theirs = serviceSchema.safeParse(input);
    expect(ours.success).toBe(theirs.success);
    if (ours.success && theirs.success) expect(ours.data).toEqual(theirs.data);
    else
      expect(ours.error?.issues.map((i) => [i.path, i.message])).toEqual(
        theirs.error?.issues.map((i) => [i.path, i.message]),
      );
  });

  it("the settings form needs both fields", () => {
    expect(projectSettingsFormSchema.safeParse({ name: "shop" }).success).toBe(false);
    expect(projectSettingsFormSchema.parse({ name: "shop", timezone: "europe/berlin" })).toEqual({
      name: "shop",
      timezone: "Europe/Berlin",
    });
  });
});

import { describe, expect, it } from "vitest";
import { compileConfig } from "./config";
import { config, experience, personalization } from "./test-builders";

describe("compileConfig", () => {
  const compiled = compileConfig(
    config(
      [
        personalization({ id: "b", selector: "b-sel", groups: ["home", "home"] }),
        personalization({
          id: "a",
          selector: "a-sel",
          groups: ["home", "footer"],
          controlPercent: 150,
          experiences: [
            experience({ id: "third", priority: 3 }),
            experience({ id: "first", priority: 1 }),
            experience({ id: "second-x", priority: 2 }),
            experience({ id: "second-y", priority: 2 }),
            experience({ id: "broken", priority: 4, devices: "tablet", frequency: "twice", audience: {} }),
          ],
        }),
      ],
      { timezone: "Not/AZone", segments: [{ key: "pro", type: "rule", condition: { plan: "pro" } }, { key: "list", type: "static" }] },
    ),
  );

  it("maps selectors and lists group members once each, in input order", () => {
    expect(compiled.bySelector.get("a-sel")?.id).toBe("a");
    expect(compiled.groups.get("home")?.map((p) => p.id)).toEqual(["b", "a"]);
    expect(compiled.groups.get("footer")?.map((p) => p.id)).toEqual(["a"]);
  });

  it("orders experiences by priority, ties in input order", () => {
    expect(compiled.bySelector.get("a-sel")?.experiences.map((e) => e.id)).toEqual(["first", "second-x", "second-y", "third", "broken"]);
  });

  it("marks unusable settings instead of guessing, clamps control and falls back to UTC", () => {
    const broken = compiled.bySelector.get("a-sel")?.experiences[4];
    expect(broken).toMatchObject({ devices: null, frequency: null, audience: null });
    expect(compiled.bySelector.get("a-sel")?.controlPercent).toBe(100);
    expect(compiled.timezone).toBe("UTC");
  });

  it("compiles rule segments and keeps static ones as lookups", () => {
    expect(compiled.segments.get("pro")?.type).toBe("rule");
    expect(compiled.segments.get("list")).toEqual({ type: "static" });
  });
});

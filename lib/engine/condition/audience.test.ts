import { describe, expect, it } from "vitest";
import { audienceStatus, isEmptyAudience } from "./audience";

describe("audienceStatus", () => {
  it("needs setup while the audience has no condition", () => {
    for (const audience of [null, undefined, {}, { $and: [] }, { $or: [{}] }, { $not: {} }, [], "x"]) {
      expect(audienceStatus(audience), JSON.stringify(audience)).toBe("needs_setup");
      expect(isEmptyAudience(audience)).toBe(true);
    }
  });

  it("is ready with one condition, the explicit everyone included", () => {
    for (const audience of [{ $everyone: true }, { "user.plan": "pro" }, { $and: [{ $segment: "vip" }] }, { $not: { $event: { name: "x" } } }]) {
      expect(audienceStatus(audience), JSON.stringify(audience)).toBe("ready");
      expect(isEmptyAudience(audience)).toBe(false);
    }
  });
});

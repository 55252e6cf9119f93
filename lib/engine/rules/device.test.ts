import { describe, expect, it } from "vitest";
import { deviceMatches, deviceOfUserAgent, normalizeDeviceTarget, resolveDevice } from "./device";

const UA = {
  iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  androidPhone: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
  androidTablet: "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
  tv: "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/2.2 Chrome/63.0.3239.84 TV Safari/537.36",
};

describe("device", () => {
  it("derives the device from the user agent; tablets count as mobile", () => {
    expect(deviceOfUserAgent(UA.iphone)).toBe("mobile");
    expect(deviceOfUserAgent(UA.androidPhone)).toBe("mobile");
    expect(deviceOfUserAgent(UA.androidTablet)).toBe("mobile");
    expect(deviceOfUserAgent(UA.ipad)).toBe("mobile");
    expect(deviceOfUserAgent(UA.windows)).toBe("desktop");
    expect(deviceOfUserAgent(UA.mac)).toBe("desktop");
    expect(deviceOfUserAgent(UA.tv)).toBe("desktop");
  });

  it("prefers the request's device over the user agent", () => {
    expect(resolveDevice("desktop", UA.iphone)).toEqual({ device: "desktop", source: "request" });
    expect(resolveDevice("tablet", UA.windows)).toEqual({ device: "mobile", source: "request" });
    expect(resolveDevice(undefined, UA.iphone)).toEqual({ device: "mobile", source: "userAgent" });
    expect(resolveDevice("all", UA.windows)).toEqual({ device: "desktop", source: "userAgent" });
  });

  it("is unknown with neither, and then only `all` matches", () => {
    for (const resolved of [resolveDevice(undefined, undefined), resolveDevice("all", ""), resolveDevice(null, "   ")]) {
      expect(resolved).toEqual({ device: null, source: "unknown" });
      expect(deviceMatches("all", resolved)).toBe(true);
      expect(deviceMatches("mobile", resolved)).toBe(false);
      expect(deviceMatches("desktop", resolved)).toBe(false);
    }
  });

  it("matches targets to devices", () => {
    const mobile = resolveDevice("mobile", null);
    expect(deviceMatches("mobile", mobile)).toBe(true);
    expect(deviceMatches("desktop", mobile)).toBe(false);
    expect(deviceMatches("all", mobile)).toBe(true);
  });

  it("normalizes targets: absent means all, anything unknown is rejected", () => {
    expect(normalizeDeviceTarget(undefined)).toBe("all");
    expect(normalizeDeviceTarget("desktop")).toBe("desktop");
    expect(normalizeDeviceTarget("tablet")).toBeNull();
  });
});

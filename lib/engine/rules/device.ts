import { UAParser } from "ua-parser-js";

/**
 * Device targeting. An experience targets `all`, `mobile` or `desktop`. The request's device is
 * its explicit `device` (`mobile` | `desktop`; `tablet` is read as mobile) or, failing that, the
 * one derived from its `userAgent` by ua-parser-js. Tablets count as mobile: they are touch
 * devices on mobile operating systems, the layouts a "mobile" experience is written for (an iPad
 * that announces itself as a Mac is desktop, as it asks to be treated). Wearables are mobile;
 * everything else a UA describes — desktop browsers, TVs, consoles, crawlers — is desktop. A
 * request with neither is *unknown*, and only `all` experiences match it.
 */
export type DeviceTarget = "all" | "mobile" | "desktop";
export type Device = "mobile" | "desktop";

export interface ResolvedDevice {
  readonly device: Device | null;
  readonly source: "request" | "userAgent" | "unknown";
}

const UNKNOWN: ResolvedDevice = { device: null, source: "unknown" };
const CACHE_LIMIT = 5000;
// Parsing a UA costs ~50 µs and the same few hundred UAs make most traffic.
const byUserAgent = new Map<string, Device>();

export function resolveDevice(requestDevice: string | null | undefined, userAgent: string | null | undefined): ResolvedDevice {
  if (requestDevice === "mobile" || requestDevice === "tablet") return { device: "mobile", source: "request" };
  if (requestDevice === "desktop") return { device: "desktop", source: "request" };
  if (typeof userAgent !== "string" || userAgent.trim() === "") return UNKNOWN;
  return { device: deviceOfUserAgent(userAgent), source: "userAgent" };
}

export function deviceOfUserAgent(userAgent: string): Device {
  let device = byUserAgent.get(userAgent);
  if (device === undefined) {
    const type = new UAParser(userAgent).getDevice().type;
    device = type === "mobile" || type === "tablet" || type === "wearable" ? "mobile" : "desktop";
    if (byUserAgent.size >= CACHE_LIMIT) byUserAgent.clear();
    byUserAgent.set(userAgent, device);
  }
  return device;
}

export function normalizeDeviceTarget(target: unknown): DeviceTarget | null {
  return target === "all" || target === "mobile" || target === "desktop" ? target : target === undefined || target === null ? "all" : null;
}

export function deviceMatches(target: DeviceTarget, resolved: ResolvedDevice): boolean {
  return target === "all" || target === resolved.device;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateTime, validateSchedule } from "@/lib/engine";
import { compactSchedule, crossesMidnight, dateLabel, daysLabel, isoToLocalInput, localInputToIso, summarizeSchedule, windowLabel } from "./schedule";

describe("date-times in the project's zone", () => {
  it("stores wall-clock input as ISO with the zone's offset", () => {
    expect(localInputToIso("2026-12-01T09:00", "Europe/Berlin")).toBe("2026-12-01T09:00:00+01:00");
    expect(localInputToIso("2026-07-01T09:00", "Europe/Berlin")).toBe("2026-07-01T09:00:00+02:00");
    expect(localInputToIso("2026-12-01T09:00", "UTC")).toBe("2026-12-01T09:00:00+00:00");
    expect(localInputToIso("2026-12-01T09:00", "America/St_Johns")).toBe("2026-12-01T09:00:00-03:30");
    expect(localInputToIso("", "UTC")).toBeNull();
  });

  it("moves a time skipped by the spring-forward change forward", () => {
    expect(localInputToIso("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("shows stored values in the project's zone, whatever offset they were stored with", () => {
    expect(isoToLocalInput("2026-12-01T08:00:00Z", "Europe/Berlin")).toBe("2026-12-01T09:00");
    expect(isoToLocalInput("2026-12-01T09:00:00+01:00", "America/New_York")).toBe("2026-12-01T03:00");
    // Without an offset it is wall-clock time in the project's zone already (as the engine reads it).
    expect(isoToLocalInput("2026-12-01T09:00", "Asia/Tokyo")).toBe("2026-12-01T09:00");
    expect(isoToLocalInput("2026-12-01", "Asia/Tokyo")).toBe("2026-12-01T00:00");
    expect(isoToLocalInput(undefined, "UTC")).toBe("");
    expect(isoToLocalInput("nonsense", "UTC")).toBe("");
  });

  it("round-trips every wall-clock minute that exists, and the engine reads the same instant", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
        (zone, date) => {
          const instant = Math.floor(date.getTime() / 60_000) * 60_000;
          const local = isoToLocalInput(new Date(instant).toISOString(), zone);
          const iso = localInputToIso(local, zone);
          expect(iso).not.toBeNull();
          // Same wall clock back…
          expect(isoToLocalInput(iso ?? "", zone)).toBe(local);
          // …and the engine reads the stored value as the same instant as the wall clock in the zone
          // (for a repeated hour both sides resolve to the same one of the two).
          expect(parseDateTime(iso, zone)).toBe(parseDateTime(local, zone));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("labels dates in words, with the time when it is not midnight", () => {
    expect(dateLabel("2026-12-01T00:00:00+01:00", "Europe/Berlin")).toBe("1 Dec 2026");
    expect(dateLabel("2026-12-24T18:00:00+01:00", "Europe/Berlin")).toBe("24 Dec 2026, 18:00");
  });
});

describe("weekdays and windows in words", () => {
  it.each([
    [undefined, "Every day"],
    [[1, 2, 3, 4, 5, 6, 7], "Every day"],
    [[1, 2, 3, 4, 5], "Weekdays"],
    [[6, 7], "Weekends"],
    [[3], "Wednesdays"],
    [[1, 3, 5], "Mon, Wed, Fri"],
    [[1, 2, 3, 4], "Mon–Thu"],
    [[1, 2, 5, 6, 7], "Mon, Tue, Fri–Sun"],
    [[], "No day"],
  ] as const)("%j → %s", (days, label) => {
    expect(daysLabel(days)).toBe(label);
  });

  it("explains a window that crosses midnight", () => {
    expect(windowLabel({ from: "09:00", to: "17:00" })).toBe("09:00–17:00");
    expect(windowLabel({ from: "22:00", to: "02:00" })).toBe("22:00–02:00, attributed to the day it starts");
    expect(crossesMidnight({ from: "22:00", to: "02:00" })).toBe(true);
    expect(crossesMidnight({ from: "9:00", to: "02:00" })).toBe(false);
  });
});

describe("summarizeSchedule", () => {
  it.each([
    [null, "Always: every day, all day"],
    [{}, "Always: every day, all day"],
    [{ daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" }, start: "2026-12-01T00:00:00+01:00" }, "Weekdays 09:00–17:00 Europe/Berlin, from 1 Dec 2026"],
    [{ timeWindow: { from: "22:00", to: "02:00" } }, "Every day 22:00–02:00, attributed to the day it starts Europe/Berlin"],
    [{ daysOfWeek: [6, 7] }, "Weekends, all day, Europe/Berlin"],
    [{ start: "2026-12-01T09:00:00+01:00", end: "2026-12-24T18:00:00+01:00" }, "Every day, all day, Europe/Berlin, from 1 Dec 2026, 09:00 until 24 Dec 2026, 18:00"],
  ])("%j", (schedule, summary) => {
    expect(summarizeSchedule(schedule, "Europe/Berlin")).toBe(summary);
  });
});

describe("compactSchedule", () => {
  it("drops all seven days and returns null when nothing restricts", () => {
    expect(compactSchedule({ daysOfWeek: [1, 2, 3, 4, 5, 6, 7] })).toBeNull();
    expect(compactSchedule({ daysOfWeek: [7, 1], timeWindow: { from: "09:00", to: "10:00" } })).toEqual({ daysOfWeek: [7, 1], timeWindow: { from: "09:00", to: "10:00" } });
  });

  it("produces schedules the engine accepts", () => {
    const s = compactSchedule({ start: localInputToIso("2026-12-01T09:00", "Europe/Berlin") ?? "", daysOfWeek: [1, 2], timeWindow: { from: "22:00", to: "02:00" } });
    expect(validateSchedule(s, "Europe/Berlin")).toEqual([]);
  });
});

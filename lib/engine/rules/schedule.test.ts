import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSchedule, evaluateSchedule, validateSchedule } from "./schedule";
import { localClock, parseDateTime } from "./time-zone";

const at = (iso: string) => Date.parse(iso);
const active = (schedule: unknown, timezone: string, iso: string) => {
  const now = at(iso);
  return evaluateSchedule(compileSchedule(schedule, timezone), now, () => localClock(now, timezone)).passed;
};

describe("schedule: start and end", () => {
  it("start is inclusive, end exclusive; offsets are honoured", () => {
    const s = { start: "2025-06-01T09:00:00Z", end: "2025-06-02T09:00:00Z" };
    expect(active(s, "UTC", "2025-06-01T08:59:59Z")).toBe(false);
    expect(active(s, "UTC", "2025-06-01T09:00:00Z")).toBe(true);
    expect(active(s, "UTC", "2025-06-02T08:59:59Z")).toBe(true);
    expect(active(s, "UTC", "2025-06-02T09:00:00Z")).toBe(false);
  });

  it("reads date-times without an offset in the project's zone", () => {
    const s = { start: "2025-06-01T09:00" };
    // 09:00 in Berlin (summer, UTC+2) is 07:00Z.
    expect(active(s, "Europe/Berlin", "2025-06-01T06:59:00Z")).toBe(false);
    expect(active(s, "Europe/Berlin", "2025-06-01T07:00:00Z")).toBe(true);
    expect(active(s, "America/New_York", "2025-06-01T12:59:00Z")).toBe(false);
    expect(active(s, "America/New_York", "2025-06-01T13:00:00Z")).toBe(true);
  });

  it("absent fields do not restrict", () => {
    expect(active({}, "UTC", "2025-06-01T03:00:00Z")).toBe(true);
    expect(active(null, "UTC", "2025-06-01T03:00:00Z")).toBe(true);
    expect(active({ end: "2030-01-01T00:00:00Z" }, "UTC", "2025-06-01T03:00:00Z")).toBe(true);
  });
});

describe("schedule: days and time windows", () => {
  const weekdays9to5 = { daysOfWeek: [1, 2, 3, 4, 5], timeWindow: { from: "09:00", to: "17:00" } };

  it("uses ISO weekdays, Monday = 1 and Sunday = 7", () => {
    // 2025-06-02 is a Monday, 2025-06-08 a Sunday.
    expect(active({ daysOfWeek: [1] }, "UTC", "2025-06-02T12:00:00Z")).toBe(true);
    expect(active({ daysOfWeek: [1] }, "UTC", "2025-06-03T12:00:00Z")).toBe(false);
    expect(active({ daysOfWeek: [7] }, "UTC", "2025-06-08T12:00:00Z")).toBe(true);
    expect(active(weekdays9to5, "UTC", "2025-06-07T12:00:00Z")).toBe(false);
  });

  it("takes the weekday in the project's zone, not UTC", () => {
    // Monday 23:30 in New York is Tuesday 03:30Z.
    expect(active({ daysOfWeek: [1] }, "America/New_York", "2025-06-03T03:30:00Z")).toBe(true);
    expect(active({ daysOfWeek: [2] }, "America/New_York", "2025-06-03T03:30:00Z")).toBe(false);
  });

  it("window: from inclusive, to exclusive", () => {
    expect(active(weekdays9to5, "UTC", "2025-06-02T08:59:00Z")).toBe(false);
    expect(active(weekdays9to5, "UTC", "2025-06-02T09:00:00Z")).toBe(true);
    expect(active(weekdays9to5, "UTC", "2025-06-02T16:59:00Z")).toBe(true);
    expect(active(weekdays9to5, "UTC", "2025-06-02T17:00:00Z")).toBe(false);
  });

  it("a window crossing midnight belongs to the day it starts", () => {
    const thursdayNights = { daysOfWeek: [4], timeWindow: { from: "22:00", to: "02:00" } };
    // 2025-06-05 is a Thursday.
    expect(active(thursdayNights, "UTC", "2025-06-05T21:59:00Z")).toBe(false);
    expect(active(thursdayNights, "UTC", "2025-06-05T22:00:00Z")).toBe(true);
    expect(active(thursdayNights, "UTC", "2025-06-06T01:00:00Z")).toBe(true); // Friday 01:00: Thursday's window
    expect(active(thursdayNights, "UTC", "2025-06-06T02:00:00Z")).toBe(false);
    expect(active(thursdayNights, "UTC", "2025-06-05T01:00:00Z")).toBe(false); // Thursday 01:00: Wednesday's window
    expect(active(thursdayNights, "UTC", "2025-06-06T23:00:00Z")).toBe(false); // Friday evening
  });

  it("a Sunday-night window reaches into Monday", () => {
    const sundayNights = { daysOfWeek: [7], timeWindow: { from: "23:00", to: "01:00" } };
    expect(active(sundayNights, "UTC", "2025-06-09T00:30:00Z")).toBe(true);
  });
});

describe("schedule across DST changes", () => {
  const morning = { timeWindow: { from: "09:00", to: "10:00" } };

  it("Europe/Berlin: a 09:00 window opens at 09:00 local on both sides of spring-forward", () => {
    // 2025-03-30: clocks jump 02:00 → 03:00 (UTC+1 → UTC+2).
    expect(active(morning, "Europe/Berlin", "2025-03-29T08:00:00Z")).toBe(true); // Sat 09:00 CET
    expect(active(morning, "Europe/Berlin", "2025-03-30T07:00:00Z")).toBe(true); // Sun 09:00 CEST
    expect(active(morning, "Europe/Berlin", "2025-03-30T08:00:00Z")).toBe(false); // Sun 10:00 CEST
    expect(active(morning, "Europe/Berlin", "2025-03-31T06:59:00Z")).toBe(false); // Mon 08:59 CEST
  });

  it("Europe/Berlin: the skipped hour never happens, the repeated hour happens twice", () => {
    const twoToThree = { timeWindow: { from: "02:00", to: "03:00" } };
    // Spring: 00:59Z is 01:59 CET, 01:00Z is already 03:00 CEST.
    expect(active(twoToThree, "Europe/Berlin", "2025-03-30T00:59:00Z")).toBe(false);
    expect(active(twoToThree, "Europe/Berlin", "2025-03-30T01:00:00Z")).toBe(false);
    // Autumn (2025-10-26, 03:00 CEST → 02:00 CET): 00:30Z and 01:30Z are both 02:30 local.
    expect(active(twoToThree, "Europe/Berlin", "2025-10-26T00:30:00Z")).toBe(true);
    expect(active(twoToThree, "Europe/Berlin", "2025-10-26T01:30:00Z")).toBe(true);
    expect(active(twoToThree, "Europe/Berlin", "2025-10-26T02:00:00Z")).toBe(false);
  });

  it("America/New_York: windows on the spring-forward and fall-back days", () => {
    const evening = { daysOfWeek: [7], timeWindow: { from: "18:00", to: "20:00" } };
    // 2025-03-09 (Sunday) springs forward; 18:00 EDT is 22:00Z.
    expect(active(evening, "America/New_York", "2025-03-09T22:00:00Z")).toBe(true);
    expect(active(evening, "America/New_York", "2025-03-09T21:59:00Z")).toBe(false);
    // 2025-11-02 (Sunday) falls back; 18:00 EST is 23:00Z.
    expect(active(evening, "America/New_York", "2025-11-02T22:30:00Z")).toBe(false);
    expect(active(evening, "America/New_York", "2025-11-02T23:00:00Z")).toBe(true);
    // A window crossing midnight on the fall-back night: Saturday 22:00 – Sunday 02:00 lasts 5 real hours.
    const saturdayNight = { daysOfWeek: [6], timeWindow: { from: "22:00", to: "02:00" } };
    expect(active(saturdayNight, "America/New_York", "2025-11-02T02:00:00Z")).toBe(true); // Sat 22:00 EDT
    expect(active(saturdayNight, "America/New_York", "2025-11-02T06:59:00Z")).toBe(true); // Sun 01:59 EST
    expect(active(saturdayNight, "America/New_York", "2025-11-02T07:00:00Z")).toBe(false); // Sun 02:00 EST
  });

  it("start and end written as local times account for the offset change", () => {
    const s = { start: "2025-03-30T00:00", end: "2025-03-31T00:00" }; // Sunday in Berlin: 23 real hours
    expect(parseDateTime(s.end, "Europe/Berlin") - parseDateTime(s.start, "Europe/Berlin")).toBe(23 * 3_600_000);
    expect(active(s, "Europe/Berlin", "2025-03-29T23:00:00Z")).toBe(true);
    expect(active(s, "Europe/Berlin", "2025-03-30T21:59:00Z")).toBe(true);
    expect(active(s, "Europe/Berlin", "2025-03-30T22:00:00Z")).toBe(false);
  });

  it("the local wall clock agrees with Intl at any instant, in either zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom("Europe/Berlin", "America/New_York"), (instant, zone) => {
        const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" }).formatToParts(instant);
        const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
        const clock = localClock(instant, zone);
        expect(clock.minuteOfDay).toBe(Number(get("hour")) * 60 + Number(get("minute")));
        expect(clock.isoWeekday).toBe(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1);
      }),
    );
  });
});

describe("validateSchedule", () => {
  it("accepts a complete, sensible schedule", () => {
    expect(validateSchedule({ start: "2025-06-01T09:00", end: "2025-06-30T18:00:00+02:00", daysOfWeek: [1, 7], timeWindow: { from: "22:00", to: "02:00" } }, "Europe/Berlin")).toEqual([]);
    expect(validateSchedule(undefined, "UTC")).toEqual([]);
  });

  it("names each problem", () => {
    expect(
      validateSchedule({ start: "2025-07-01T00:00", end: "2025-06-01T00:00", daysOfWeek: [0, 8], timeWindow: { from: "9:00", to: "24:00" } }, "Mars/Olympus").map((p) => p.path),
    ).toEqual(["timezone", "end", "daysOfWeek.0", "daysOfWeek.1", "timeWindow.from", "timeWindow.to"]);
    expect(validateSchedule({ start: "next tuesday", daysOfWeek: [], timeWindow: { from: "10:00", to: "10:00" }, repeat: true }, "UTC").map((p) => p.path)).toEqual([
      "repeat",
      "start",
      "daysOfWeek",
      "timeWindow",
    ]);
    expect(validateSchedule({ start: "2025-02-30T00:00" }, "UTC").map((p) => p.path)).toEqual(["start"]);
  });

  it("an invalid schedule that reaches evaluation is never active", () => {
    const result = evaluateSchedule(compileSchedule({ daysOfWeek: [9] }, "UTC"), 0, () => localClock(0, "UTC"));
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/invalid schedule/);
  });
});

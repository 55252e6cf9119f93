// Identity resolution in choose-api (SPEC §2.4, §6.1): sign-in, merges, shared devices — the arm survives.
import { describe, expect, it } from "vitest";
import { createTestProject } from "../support/fixtures";
import { armOf } from "./arms";
import { chooseOneName, profileIdOf, rows, seedPersonalization, track } from "./seed";

describe("identity", () => {
  it("an anonymous visitor who signs in with a new userId keeps its profile and arm", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "x", controlPercent: 50 });
    const before = await chooseOneName(p, "x", { profileId: "anon" });
    const id = await profileIdOf(p, { profileId: "anon" });
    const after = await chooseOneName(p, "x", { profileId: "anon", userId: "u-new" });
    expect(after.variant).toBe(before.variant);
    expect(await profileIdOf(p, { userId: "u-new" })).toBe(id);
    expect(await rows(p, "select count(*)::int as n from profiles where project_id = $1")).toEqual([{ n: 1 }]);
    expect(armOf(p, per.id, 50, { profileId: "anon" })).toBe(before.variant);
  });

  it("a known userId and a new profileId become one profile", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "x" });
    await chooseOneName(p, "x", { userId: "u-1" });
    await chooseOneName(p, "x", { userId: "u-1", profileId: "laptop" });
    await chooseOneName(p, "x", { profileId: "laptop" });
    const id = await profileIdOf(p, { userId: "u-1" });
    expect(await profileIdOf(p, { profileId: "laptop" })).toBe(id);
    expect(await rows(p, "select count(*)::int as n from profiles where project_id = $1")).toEqual([{ n: 1 }]);
    expect(await rows(p, "select distinct profile_id from exposures where project_id = $1")).toEqual([{ profile_id: id }]);
  });

  it("an anonymous profile that signs in as a known user is merged into it: its arm, events and claims move over", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "x", controlPercent: 50, experiences: [{ name: "once", frequency: "once" }, { name: "fallback" }] });
    await seedPersonalization(p, { selector: "other" });
    // A device and a user whose hashes give different arms, so only a merge that keeps the anonymous arm passes.
    let n = 0;
    while (armOf(p, per.id, 50, { profileId: `anon-${n}` }) === armOf(p, per.id, 50, { userId: `user-${n}` })) n++;
    const [device, user] = [`anon-${n}`, `user-${n}`];

    await chooseOneName(p, "other", { userId: user }); // the user exists, with no arm in x
    const anonymous = await chooseOneName(p, "x", { profileId: device }); // the device gets an arm and claims "once"
    await track(p, { track: [{ name: "purchase", payload: [{ eventId: "e-1", timestamp: Date.now(), profileId: device, userAttributes: { plan: "trial", color: "red" } }] }] });
    await track(p, { track: [{ name: "Identify", payload: [{ eventId: "e-2", timestamp: Date.now(), userId: user, userAttributes: { plan: "pro" } }] }] });
    const anonymousId = await profileIdOf(p, { profileId: device });
    const knownId = await profileIdOf(p, { userId: user });
    expect(anonymousId).not.toBe(knownId);

    const signedIn = await chooseOneName(p, "x", { profileId: device, userId: user });
    expect(signedIn.variant).toBe(anonymous.variant);
    expect(signedIn.experienceId).toBe(per.experienceIds[1]); // the once display stays used up
    expect(await profileIdOf(p, { profileId: device })).toBe(knownId);
    const profiles = await rows<{ id: string; merged_into_id: string | null; attributes: unknown }>(p, "select id, merged_into_id, attributes from profiles where project_id = $1 order by merged_into_id nulls first");
    expect(profiles).toEqual([
      { id: knownId, merged_into_id: null, attributes: { plan: "pro", color: "red" } },
      { id: anonymousId, merged_into_id: knownId, attributes: { plan: "trial", color: "red" } },
    ]);
    for (const table of ["events", "exposures", "experience_exposures", "assignments"]) {
      expect(await rows(p, `select distinct profile_id from ${table} where project_id = $1`), table).toEqual([{ profile_id: knownId }]);
    }
    // Back to anonymous on the same device: still the known profile, same arm.
    expect((await chooseOneName(p, "x", { profileId: device })).variant).toBe(anonymous.variant);
  });

  it("where both profiles have an arm, the known profile's wins", async () => {
    const p = await createTestProject();
    const per = await seedPersonalization(p, { selector: "x", controlPercent: 50 });
    let n = 0;
    while (armOf(p, per.id, 50, { profileId: `anon-${n}` }) === armOf(p, per.id, 50, { userId: `user-${n}` })) n++;
    const known = await chooseOneName(p, "x", { userId: `user-${n}` });
    await chooseOneName(p, "x", { profileId: `anon-${n}` });
    expect((await chooseOneName(p, "x", { profileId: `anon-${n}`, userId: `user-${n}` })).variant).toBe(known.variant);
  });

  it("a device that belongs to another user: the new user gets a profile of its own", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "x" });
    await chooseOneName(p, "x", { profileId: "shared", userId: "alice" });
    await chooseOneName(p, "x", { profileId: "shared", userId: "bob" });
    const alice = await profileIdOf(p, { userId: "alice" });
    const bob = await profileIdOf(p, { userId: "bob" });
    expect(alice).not.toBe(bob);
    expect(await profileIdOf(p, { profileId: "shared" })).toBe(alice);
    await chooseOneName(p, "x", { profileId: "shared", userId: "bob" });
    expect(await rows(p, "select count(*)::int as n from profiles where project_id = $1")).toEqual([{ n: 2 }]);
  });

  it("parallel first calls with a userId and different devices end in one profile", async () => {
    const p = await createTestProject();
    await seedPersonalization(p, { selector: "x" });
    const calls = Array.from({ length: 20 }, (_, i) => chooseOneName(p, "x", i % 2 === 0 ? { userId: "racer", profileId: `d-${i}` } : { userId: "racer" }));
    await Promise.all(calls);
    const id = await profileIdOf(p, { userId: "racer" });
    const live = await rows<{ id: string }>(p, "select id from profiles where project_id = $1 and merged_into_id is null");
    expect(live).toEqual([{ id }]);
    const devices = await rows<{ profile_id: string }>(p, "select distinct profile_id from profile_ids where project_id = $1");
    expect(devices).toEqual([{ profile_id: id }]);
  });
});

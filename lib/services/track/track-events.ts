import { randomUUID } from "node:crypto";
import { AppError } from "../../errors";
import { newId } from "../../ids";
import { IDENTIFY, type TrackPayloadItem, type TrackRequestInput, type TrackResponse } from "../../schemas/track";
import type { ServiceContext } from "../context";
import { applyPatch, collectPaths, type Attributes, type JsonType } from "../profiles-identity/attributes";
import { lookupOf, settledProfile, type IdentityLookup } from "../profiles-identity/lookup";
import { mergeProfiles } from "../profiles-identity/merge";
import { derivedProfileId, type Identity } from "../profiles-identity/profile-key";
import { RetryTransaction, withRetriedTransaction, type RawQuery } from "../profiles-identity/raw-sql";
import { resolveIdentity } from "../profiles-identity/resolve";
import { lastActivitySql, nextVisitSql } from "../profiles-identity/visit";
import { UPSERT_CATALOGS } from "./catalog-sql";

/** Attribute paths recorded in the catalog per batch, at most. */
const MAX_CATALOG_PATHS = 1000;

interface Item {
  readonly name: string;
  readonly item: TrackPayloadItem;
  readonly eventId: string;
  readonly identity: Identity;
  readonly key: string;
}

export interface TrackOptions {
  /** `POST …/sources/{sourceId}/track`: must be the key's own source; stamped on the profiles. */
  readonly sourceId?: number;
}

/**
 * track (SPEC §6.2): a validated batch, all or nothing, in one transaction that has committed when
 * this resolves (the route answers 202 only then).
 *
 * 1. Each distinct identity resolves to its profile — created, linked or merged as choose-api
 *    does (profiles-identity) — with one bulk lookup first, so known visitors cost no more.
 * 2. `Identify` with `anotherUserId`: the other user's profile is merged into this one (its rows
 *    lose where both have one); an unknown other user id is recorded as merged into this profile,
 *    so later calls with it land here.
 * 3. Every item is stored in `events` with ON CONFLICT (project, eventId) DO NOTHING; an eventId
 *    already stored (or repeated within the batch) counts as a duplicate and changes nothing more.
 *    `Identify` items are stored too — that is what makes a retried identity write idempotent — but
 *    they are not events: the event catalog leaves them out.
 * 4. `userAttributes` / `accountAttributes` of the stored items are deep-merged into their
 *    profiles, in batch order, under row locks (`null` removes a key); every profile of the batch
 *    records the activity (the visit rule of choose-api), its latest accountId and the source.
 * 5. The event catalog (names and counts) and the attribute catalog (paths and JSON types of
 *    user, account and event properties) are upserted in bulk.
 */
export async function trackEvents(ctx: ServiceContext, input: TrackRequestInput, options: TrackOptions = {}): Promise<TrackResponse> {
  if (options.sourceId !== undefined && (ctx.actor.type !== "key" || ctx.actor.sourceId !== options.sourceId)) {
    throw new AppError("forbidden", `This API key is not source ${options.sourceId}: send events to your own key's source, or to …/track.`);
  }
  const items: Item[] = [];
  for (const entry of input.track) {
    for (const item of entry.payload) {
      const identity: Identity = { profileId: item.profileId ?? null, userId: item.userId ?? null };
      items.push({ name: entry.name, item, eventId: item.eventId ?? randomUUID(), identity, key: `${identity.profileId ?? ""}\u0001${identity.userId ?? ""}` });
    }
  }
  const receivedAt = Date.now();
  return withRetriedTransaction(ctx.handle, (q) => applyBatch(q, ctx.project.id, items, options.sourceId ?? null, receivedAt));
}

interface LookupRow {
  kind: "p" | "u";
  value: string;
  target: string;
  target_user: string | null;
}

async function applyBatch(q: RawQuery, projectId: string, items: readonly Item[], sourceId: number | null, receivedAt: number): Promise<TrackResponse> {
  // 1. Identities: one bulk lookup, then resolution only where something must be written.
  const profileIds = [...new Set(items.map((i) => i.identity.profileId).filter((v): v is string => v !== null))];
  const userIds = [...new Set(items.flatMap((i) => [i.identity.userId, i.item.anotherUserId ?? null]).filter((v): v is string => v !== null && v !== undefined))];
  const found = await q<LookupRow>(
    `select 'p' as kind, i.value, t.id as target, t.user_id as target_user
       from profile_ids i join profiles p on p.id = i.profile_id join profiles t on t.id = coalesce(p.merged_into_id, p.id)
      where i.project_id = $1 and i.value = any($2::text[])
     union all
     select 'u', p.user_id, coalesce(p.merged_into_id, p.id), null
       from profiles p where p.project_id = $1 and p.user_id = any($3::text[])`,
    [projectId, profileIds, userIds],
  );
  const byPid = new Map<string, LookupRow>();
  const byUid = new Map<string, string>();
  for (const row of found) {
    if (row.kind === "p") byPid.set(row.value, row);
    else byUid.set(row.value, row.target);
  }

  const redirect = new Map<string, string>();
  const live = (id: string): string => {
    let current = id;
    for (let hops = 0; redirect.has(current) && hops < 64; hops++) current = redirect.get(current) as string;
    return current;
  };
  const profileOf = new Map<string, string>();
  // Once anything was written, the bulk lookup may be stale: resolution then looks again itself.
  let wrote = false;
  for (const it of items) {
    if (profileOf.has(it.key)) continue;
    const pid = it.identity.profileId !== null ? byPid.get(it.identity.profileId) : undefined;
    const lookup: IdentityLookup = lookupOf({
      pid_target: pid?.target ?? null,
      uid_target: it.identity.userId !== null ? (byUid.get(it.identity.userId) ?? null) : null,
      pid_user: pid?.target_user ?? null,
    });
    let id = settledProfile(it.identity, lookup);
    if (id === null || redirect.has(id)) {
      const resolved = await resolveIdentity(q, projectId, it.identity, { accountId: it.item.accountId ?? null, sourceId }, id === null && !wrote ? lookup : undefined);
      wrote = true;
      for (const [from, into] of resolved.merges) redirect.set(from, into);
      id = resolved.id;
      if (it.identity.userId !== null) byUid.set(it.identity.userId, id);
    }
    profileOf.set(it.key, id);
  }

  // 2. Identify with anotherUserId: the other user's profile joins this one.
  for (const it of items) {
    const other = it.item.anotherUserId;
    if (it.name !== IDENTIFY || !other || other === it.identity.userId) continue;
    const survivor = live(profileOf.get(it.key) as string);
    const otherProfile = byUid.has(other) ? live(byUid.get(other) as string) : null;
    if (otherProfile === survivor) continue;
    if (otherProfile !== null) {
      await mergeProfiles(q, projectId, otherProfile, survivor);
      redirect.set(otherProfile, survivor);
    } else {
      const placeholder = derivedProfileId(projectId, { profileId: null, userId: other });
      const made = await q(
        "insert into profiles (id, project_id, user_id, merged_into_id) values ($1, $2, $3, $4) on conflict do nothing returning id",
        [placeholder, projectId, other, survivor],
      );
      if (made.length === 0) throw new RetryTransaction("the other user id appeared concurrently");
    }
    byUid.set(other, survivor);
  }

  // 3. Store every item once per eventId.
  const seen = new Set<string>();
  const unique: Item[] = [];
  for (const it of items) {
    if (seen.has(it.eventId)) continue;
    seen.add(it.eventId);
    unique.push(it);
  }
  const rows = unique.map((it) => ({
    profile: live(profileOf.get(it.key) as string),
    event_id: it.eventId,
    name: it.name,
    props: it.item.data ?? {},
    session: it.item.sessionId ?? null,
    ms: it.item.timestamp ?? receivedAt,
  }));
  const stored = await q<{ event_id: string }>(
    `insert into events (project_id, profile_id, event_id, name, properties, session_id, occurred_at, received_at)
     select $1, r.profile, r.event_id, r.name, r.props, r.session, to_timestamp(r.ms / 1000), to_timestamp($3::float8 / 1000)
       from json_to_recordset($2::json) as r(profile text, event_id text, name text, props jsonb, session text, ms float8)
     on conflict (project_id, event_id) do nothing
     returning event_id`,
    [projectId, JSON.stringify(rows), receivedAt],
  );
  const storedIds = new Set(stored.map((r) => r.event_id));
  const accepted = unique.filter((it) => storedIds.has(it.eventId));

  // 4. Attributes and activity of the profiles the stored items belong to.
  interface ProfileWrite {
    patches: { user?: Attributes; account?: Attributes }[];
    account: string | null;
    session: string | null;
  }
  const writes = new Map<string, ProfileWrite>();
  for (const it of accepted) {
    const id = live(profileOf.get(it.key) as string);
    let w = writes.get(id);
    if (!w) {
      w = { patches: [], account: null, session: null };
      writes.set(id, w);
    }
    if (it.item.userAttributes || it.item.accountAttributes) w.patches.push({ user: it.item.userAttributes ?? undefined, account: it.item.accountAttributes ?? undefined });
    if (it.item.accountId) w.account = it.item.accountId;
    if (it.item.sessionId) w.session = it.item.sessionId;
  }
  const patched = [...writes].filter(([, w]) => w.patches.length > 0).map(([id]) => id).sort();
  const current = new Map<string, { attributes: Attributes; account_attributes: Attributes }>();
  if (patched.length > 0) {
    const locked = await q<{ id: string; attributes: Attributes | null; account_attributes: Attributes | null }>(
      "select id, attributes, account_attributes from profiles where id = any($1::text[]) order by id for update",
      [patched],
    );
    for (const row of locked) current.set(row.id, { attributes: row.attributes ?? {}, account_attributes: row.account_attributes ?? {} });
  }
  const updates = [...writes].map(([id, w]) => {
    const before = current.get(id);
    let attributes: Attributes | null = null;
    let accountAttributes: Attributes | null = null;
    if (before && w.patches.length > 0) {
      attributes = before.attributes;
      accountAttributes = before.account_attributes;
      for (const patch of w.patches) {
        if (patch.user) attributes = applyPatch(attributes, patch.user);
        if (patch.account) accountAttributes = applyPatch(accountAttributes, patch.account);
      }
    }
    return { id, attrs: attributes, acc_attrs: accountAttributes, account: w.account, source: sourceId, session: w.session, proposed: newId("vis") };
  });
  if (updates.length > 0) {
    const now = "to_timestamp($2::float8 / 1000)";
    await q(
      `update profiles p set
         attributes = coalesce(u.attrs, p.attributes),
         account_attributes = coalesce(u.acc_attrs, p.account_attributes),
         account_id = coalesce(u.account, p.account_id),
         source_id = coalesce(p.source_id, u.source),
         visit_id = ${nextVisitSql(now, "u.session", "u.proposed", "p")},
         last_activity_at = ${lastActivitySql(now, "p")},
         updated_at = case when u.attrs is not null or u.acc_attrs is not null then now() else p.updated_at end
       from json_to_recordset($1::json) as u(id text, attrs jsonb, acc_attrs jsonb, account text, source int, session text, proposed text)
      where p.id = u.id`,
      [JSON.stringify(updates), receivedAt],
    );
  }

  // 5. Catalogs.
  const counts = new Map<string, number>();
  const paths = new Map<string, JsonType>();
  for (const it of accepted) {
    if (it.name !== IDENTIFY) counts.set(it.name, (counts.get(it.name) ?? 0) + 1);
    if (it.item.userAttributes) collectPaths("user", it.item.userAttributes, paths, MAX_CATALOG_PATHS, true);
    if (it.item.accountAttributes) collectPaths("account", it.item.accountAttributes, paths, MAX_CATALOG_PATHS, true);
    if (it.item.data) collectPaths("properties", it.item.data, paths, MAX_CATALOG_PATHS);
  }
  if (counts.size > 0 || paths.size > 0) {
    await q(UPSERT_CATALOGS, [projectId, receivedAt, [...counts.keys()], [...counts.values()], [...paths.keys()], [...paths.values()]]);
  }

  return { accepted: accepted.length, duplicates: items.length - accepted.length };
}

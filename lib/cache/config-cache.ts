import type { DbHandle } from "../../db/client";
import { compileConfig, type CompiledConfig, type PersonalizationStatus, type RawConfig, type RawPersonalization, type RawSegment } from "../engine";
import { logger } from "../logger";
import { CHANGE_CHANNEL, type Change } from "./change-bus";

/**
 * The decision configuration of each project, compiled once and kept in memory (issue #4): every
 * draft, running and paused personalization with its experiences in priority order and its groups
 * (drafts too, for the preview), archived ones without experiences (so their selector answers
 * `not_running`), and the project's segments — loaded in one query.
 *
 * Freshness (SPEC §9: a change is served within a second on every instance):
 * - every management write publishes `{ kind: "project", projectId }` on the change bus (PostgreSQL
 *   NOTIFY; PGlite in-process); the cache drops that project at once and the next request reloads;
 * - a load that was running when the change arrived is not kept;
 * - an entry older than `ttlMs` (30 s) is refreshed in the background while it is still served, so
 *   a lost notification heals by itself; until the cache is listening (or if LISTEN failed) the
 *   TTL is one second.
 *
 * One cache per database handle and process, on `globalThis`: Next.js bundles every route
 * separately, and all of them must share it.
 */
export interface ProjectConfig {
  /** As loaded; the decide service reads audiences and frequencies from it to plan its reads. */
  readonly raw: RawConfig;
  readonly compiled: CompiledConfig;
}

export interface ConfigCacheOptions {
  readonly ttlMs?: number;
  /** Milliseconds; tests move it. */
  readonly clock?: () => number;
}

const DEFAULT_TTL_MS = 30_000;
const UNLISTENED_TTL_MS = 1_000;
const MAX_PROJECTS = 10_000;

interface Entry {
  readonly value: Promise<ProjectConfig>;
  readonly loadedAt: number;
}

interface ConfigRow {
  timezone: string | null;
  personalizations: RawPersonalizationRow[] | null;
  segments: RawSegment[] | null;
}

interface RawPersonalizationRow {
  id: string;
  selector: string;
  name: string;
  status: PersonalizationStatus;
  controlPercent: number;
  groups: string[] | null;
  experiences: RawPersonalization["experiences"] | null;
}

const LOAD = `
select
  (select timezone from projects where id = $1) as timezone,
  coalesce((
    select json_agg(json_build_object(
             'id', p.id, 'selector', p.selector, 'name', p.name, 'status', p.status, 'controlPercent', p.control_percent,
             'groups', (select json_agg(g.name order by g.name)
                          from selector_group_members m join selector_groups g on g.id = m.group_id
                         where m.personalization_id = p.id),
             'experiences', case when p.status = 'archived' then null else (
               select json_agg(json_build_object(
                        'id', e.id, 'name', e.name, 'priority', e.priority, 'payload', e.payload, 'audience', e.audience,
                        'frequency', e.frequency, 'devices', e.devices, 'schedule', e.schedule)
                      order by e.priority, e.created_at, e.id)
                 from experiences e where e.personalization_id = p.id) end)
           order by p.created_at, p.id)
      from personalizations p where p.project_id = $1), '[]'::json) as personalizations,
  coalesce((
    select json_agg(json_build_object('key', s.key, 'type', s.type, 'condition', s.condition) order by s.key)
      from segments s where s.project_id = $1), '[]'::json) as segments`;

/** Reads a project's configuration from the database (one statement) and compiles it. */
export async function loadProjectConfig(handle: DbHandle, projectId: string): Promise<ProjectConfig> {
  const [row] = await handle.query<ConfigRow>(LOAD, [projectId]);
  const raw: RawConfig = {
    projectId,
    timezone: row?.timezone ?? "UTC",
    personalizations: (row?.personalizations ?? []).map((p) => ({
      id: p.id,
      selector: p.selector,
      name: p.name,
      status: p.status,
      controlPercent: p.controlPercent,
      type: "server_side",
      groups: p.groups ?? [],
      experiences: p.experiences ?? [],
    })),
    segments: row?.segments ?? [],
  };
  return { raw, compiled: compileConfig(raw) };
}

export class ConfigCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change notification; a load started under an older generation is not kept. */
  private readonly generations = new Map<string, number>();
  private readonly refreshing = new Set<string>();
  private listening: Promise<boolean> | null = null;
  private listened = false;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly handle: DbHandle,
    options: ConfigCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** The project's configuration, from memory when it is fresh. */
  get(projectId: string): Promise<ProjectConfig> {
    const entry = this.entries.get(projectId);
    if (entry !== undefined) {
      if (this.clock() - entry.loadedAt >= (this.listened ? this.ttlMs : UNLISTENED_TTL_MS)) this.refresh(projectId);
      return entry.value;
    }
    return this.load(projectId);
  }

  /** Drops a project's entry (the change bus calls this; so can a writer in this process). */
  invalidate(projectId: string): void {
    this.generations.set(projectId, (this.generations.get(projectId) ?? 0) + 1);
    this.entries.delete(projectId);
  }

  /** Stops listening; the cache keeps working on TTLs alone. */
  async close(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.listened = false;
    this.entries.clear();
    if (unlisten) await unlisten().catch(() => {});
  }

  private async listen(): Promise<boolean> {
    this.listening ??= this.handle
      .listen(CHANGE_CHANNEL, (payload) => this.onNotification(payload))
      .then(
        (unlisten) => {
          this.unlisten = unlisten;
          this.listened = true;
          return true;
        },
        (error: unknown) => {
          logger.warn({ err: error }, "config cache: LISTEN failed; relying on a 1 s TTL");
          this.listening = null;
          return false;
        },
      );
    return this.listening;
  }

  private onNotification(payload: string): void {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    if (change?.kind === "project" && typeof change.projectId === "string") this.invalidate(change.projectId);
  }

  private load(projectId: string): Promise<ProjectConfig> {
    const generation = this.generations.get(projectId) ?? 0;
    const loadedAt = this.clock();
    const value = (async () => {
      // Listen before the first read, so no change can slip between the read and the subscription.
      if (!this.listened) await this.listen();
      return loadProjectConfig(this.handle, projectId);
    })();
    if (this.entries.size >= MAX_PROJECTS) this.entries.clear();
    this.entries.set(projectId, { value, loadedAt });
    value.then(
      () => {
        // A change arrived while loading: what we read may predate it. Forget it.
        if ((this.generations.get(projectId) ?? 0) !== generation && this.entries.get(projectId)?.value === value) this.entries.delete(projectId);
      },
      () => {
        if (this.entries.get(projectId)?.value === value) this.entries.delete(projectId);
      },
    );
    return value;
  }

  /** Reloads in the background; the current entry is served until the new one is ready. */
  private refresh(projectId: string): void {
    if (this.refreshing.has(projectId)) return;
    this.refreshing.add(projectId);
    const generation = this.generations.get(projectId) ?? 0;
    const loadedAt = this.clock();
    (async () => {
      if (!this.listened) await this.listen();
      return loadProjectConfig(this.handle, projectId);
    })()
      .then(
        (config) => {
          if ((this.generations.get(projectId) ?? 0) === generation) this.entries.set(projectId, { value: Promise.resolve(config), loadedAt });
        },
        (error: unknown) => logger.warn({ err: error, projectId }, "config cache: background refresh failed; serving the previous configuration"),
      )
      .finally(() => this.refreshing.delete(projectId));
  }
}

const store = globalThis as typeof globalThis & { __bespokeConfigCaches?: WeakMap<DbHandle, ConfigCache> };

/** The process's cache for a database handle. */
export function configCacheFor(handle: DbHandle): ConfigCache {
  store.__bespokeConfigCaches ??= new WeakMap();
  let cache = store.__bespokeConfigCaches.get(handle);
  if (!cache) {
    cache = new ConfigCache(handle);
    store.__bespokeConfigCaches.set(handle, cache);
  }
  return cache;
}

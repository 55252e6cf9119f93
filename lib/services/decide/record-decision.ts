import type { DbHandle } from "../../../db/client";
import type { ChooseResult, ExposureRecord } from "../../engine";
import { hotQuery } from "../profiles-identity/raw-sql";
import { Batcher, batcherPerHandle } from "./batcher";
import { RECORD_CLAIMS } from "./record-sql";
import type { ProfileState } from "./read-state";
import { writeBehindFor, type PendingExposure, type PendingTouch } from "./write-behind";

/** Activity less than this old is not written again (the 30-minute visit rule cannot tell). */
const TOUCH_GRANULARITY_MS = 5_000;

export interface RecordArgs {
  readonly handle: DbHandle;
  readonly projectId: string;
  readonly profile: ProfileState;
  /** The visit the read settled on, or a new visit id when none is active. */
  readonly visitId: string;
  readonly now: number;
  readonly sessionId: string | null;
  readonly accountId: string | null;
  /** The engine's result; lost claims are decided again in place (choices, records, traces). */
  readonly result: ChooseResult;
  /** Decides entry `index` again after its claim on `experienceId` was lost (engine `chooseOne`). */
  readonly redecide: (index: number, lost: ExposureRecord) => void;
}

/** One decision's claim write, as the batched statement takes it. */
interface ClaimRequest {
  readonly projectId: string;
  readonly profileId: string;
  readonly now: number;
  readonly sessionId: string | null;
  readonly proposedVisit: string;
  readonly accountId: string | null;
  readonly touch: boolean;
  readonly records: readonly ExposureRecord[];
}

interface ClaimResult {
  readonly visit_id: string | null;
  readonly lost: string[];
}

async function writeClaims(handle: DbHandle, requests: readonly ClaimRequest[]): Promise<ClaimResult[]> {
  const decisions = requests.map((r, i) => ({
    i,
    project: r.projectId,
    profile: r.profileId,
    now: r.now,
    sid: r.sessionId,
    proposed: r.proposedVisit,
    account: r.accountId,
    touch: r.touch,
  }));
  const displays = requests.flatMap((r, i) =>
    r.records.map((x) => ({ i, per: x.personalizationId, exp: x.experienceId, arm: x.arm, freq: x.frequency, new_assign: x.newAssignment })),
  );
  const rows = await hotQuery<ClaimResult & { i: number }>(handle, "bespoke_decide_record", RECORD_CLAIMS, [JSON.stringify(decisions), JSON.stringify(displays)]);
  const results = new Array<ClaimResult>(requests.length);
  for (const row of rows) results[row.i] = row;
  return results;
}

/** Concurrent claim writes share a statement, one decision per profile in each (batcher.ts). */
const claimBatcher = batcherPerHandle(
  (handle: DbHandle) => new Batcher<ClaimRequest, ClaimResult>((requests) => writeClaims(handle, requests), { maxInFlight: 1, maxBatch: 64, keyOf: (r) => r.profileId }),
);

/**
 * Persists a decision (SPEC §2.5–2.6). Without a `once`/`once_per_visit` display the activity and
 * the exposures go to the write-behind buffer and the request needs no write round trip. With one,
 * everything of the request is written in one statement before the response; a claim lost to a
 * concurrent request is decided again (the experience now counts as exposed, so the walk falls
 * through to the next eligible one) and that result is written the same way, until no claim is
 * lost — at most as many rounds as the personalization has experiences.
 */
export async function recordDecision(args: RecordArgs): Promise<void> {
  const { profile, now, sessionId, accountId, result } = args;
  let proposedVisit = args.visitId;
  const needsTouch =
    profile.visitId === null ||
    profile.lastActivityMs === null ||
    now - profile.lastActivityMs >= TOUCH_GRANULARITY_MS ||
    (sessionId !== null && sessionId !== profile.storedVisitId) ||
    (accountId !== null && accountId !== profile.accountId);

  let pending = indexesOf(result.records);
  if (!pending.some((i) => result.records[i]?.frequency !== "always")) {
    const touch: PendingTouch | null = needsTouch ? { id: profile.id, at_ms: now, session: sessionId, proposed: proposedVisit, account: accountId } : null;
    const exposures: PendingExposure[] = pending.map((i) => exposureOf(args.projectId, profile.id, now, proposedVisit, sessionId, result.records[i] as ExposureRecord));
    if (touch !== null || exposures.length > 0) writeBehindFor(args.handle).add(touch, exposures);
    return;
  }

  let touch = needsTouch;
  for (let round = 0; pending.length > 0 && round < 64; round++) {
    const records = pending.map((i) => result.records[i] as ExposureRecord);
    const row = await claimBatcher(args.handle).submit({ projectId: args.projectId, profileId: profile.id, now, sessionId, proposedVisit, accountId, touch, records });
    // Later rounds write into the visit the first one settled on.
    touch = false;
    proposedVisit = row?.visit_id ?? proposedVisit;
    const lost = new Set(row?.lost ?? []);
    if (lost.size === 0) return;
    const again: number[] = [];
    for (const i of pending) {
      const record = result.records[i];
      if (!record || !lost.has(record.experienceId)) continue;
      if (record.frequency === "once") profile.exposedEver.add(record.experienceId);
      else profile.exposedThisVisit.add(record.experienceId);
      args.redecide(i, record);
      if (result.records[i] !== null) again.push(i);
    }
    pending = again;
  }
}

function indexesOf(records: ChooseResult["records"]): number[] {
  const out: number[] = [];
  for (let i = 0; i < records.length; i++) if (records[i] !== null) out.push(i);
  return out;
}

function exposureOf(projectId: string, profileId: string, now: number, visit: string, session: string | null, r: ExposureRecord): PendingExposure {
  return { project: projectId, per: r.personalizationId, exp: r.experienceId, profile: profileId, arm: r.arm, at_ms: now, visit, session, new_assign: r.newAssignment };
}

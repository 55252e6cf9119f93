/**
 * Sticky control bucketing (SPEC §2.4).
 *
 * `bucket(personalizationId, unit)` is MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of
 * `"<personalizationId>:<unit>"`, divided by 2^32: a number in [0, 1). MurmurHash3 is a
 * well-studied non-cryptographic hash with full avalanche (every input bit flips each output bit
 * with probability ≈ ½), so consecutive or similar ids land uniformly; it is simple to reproduce
 * in SQL or another language for offline analysis; and hashing the personalization id in makes
 * the buckets of two personalizations independent. `bucket < controlPercent / 100` is control.
 * Reference values: murmur3("hello") = 0x248bfa47, murmur3("") = 0. See
 * docs/decisions/010-engine-core.md.
 *
 * The arm is sticky: an arm already assigned to the profile is kept even if the control
 * percentage changed since, so a visitor never flips between control and treatment.
 */
export type Arm = "treatment" | "control";

export function murmur3(text: string, seed = 0): number {
  return murmur3Bytes(utf8(text), seed);
}

const encoder = new TextEncoder();
// One scratch buffer reused by every call (JavaScript runs one call at a time): hashing does not
// allocate. Only the bytes written by the current call are read.
let scratch = new Uint8Array(256);

function utf8(text: string): Uint8Array {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

export function murmur3Bytes(bytes: ArrayLike<number>, seed = 0): number {
  const n = bytes.length;
  const blocks = n & ~3;
  let h = seed >>> 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (n & 3) {
    case 3:
      k ^= bytes[blocks + 2] << 16;
    // falls through
    case 2:
      k ^= bytes[blocks + 1] << 8;
    // falls through
    case 1:
      k ^= bytes[blocks];
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) for this personalization and unit (the profile's internal id). */
export function bucket(personalizationId: string, unit: string): number {
  return murmur3(`${personalizationId}:${unit}`) / 4294967296;
}

export interface ArmDecision {
  readonly arm: Arm;
  /** The bucket, or null when the arm came from an existing assignment. */
  readonly bucket: number | null;
  readonly sticky: boolean;
}

export function assignArm(
  personalizationId: string,
  unit: string,
  controlPercent: number,
  existing: Arm | undefined,
): ArmDecision {
  if (existing === "treatment" || existing === "control") return { arm: existing, bucket: null, sticky: true };
  const b = bucket(personalizationId, unit);
  return { arm: b < controlPercent / 100 ? "control" : "treatment", bucket: b, sticky: false };
}

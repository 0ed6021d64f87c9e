/**
 * Names and addresses of simulated UEs, the same in every run: UE i is `ue-<i>` with MAC
 * 02:00:00:<i+1 as three bytes> (locally administered) and IPv4 10.<i+1 as three bytes>. A flow's
 * packets carry these as eth_src / ipv4_src, so chain selectors can pick a UE's traffic by address
 * as GNF's do.
 *
 * @example ueIdentity(0) → { name: "ue-0", mac: "02:00:00:00:00:01", ipv4: "10.0.0.1" }
 */
export interface UeIdentity {
  name: string;
  mac: string;
  ipv4: string;
}

/** Largest UE index with a distinct address (2^24 − 2). */
const MAX_INDEX = 0xfffffe - 1;

export function ueIdentity(index: number): UeIdentity {
  if (!(Number.isInteger(index) && index >= 0 && index <= MAX_INDEX)) throw new RangeError(`UE index must be an integer in [0, ${MAX_INDEX}], got ${index}`);
  const n = index + 1;
  const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return {
    name: `ue-${index}`,
    mac: `02:00:00:${bytes.map((b) => b.toString(16).padStart(2, "0")).join(":")}`,
    ipv4: `10.${bytes.join(".")}`,
  };
}

/** The UE index of a name `ue-<i>`, or undefined for other names. */
export function ueIndexOf(name: string): number | undefined {
  const m = /^ue-(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
